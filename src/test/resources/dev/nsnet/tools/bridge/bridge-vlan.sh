# bridge vlan on a kernel without CONFIG_BRIDGE_VLAN_FILTERING: empty listings, adds refused
ip link add br0 address 02:00:00:00:0b:00 type bridge
ip link add vpa address 02:00:00:00:00:01 type veth peer name pa address 02:00:00:00:01:01
ip link set vpa master br0
bridge vlan add vid 5 dev vpa
bridge vlan add vid 5 dev br0 self
bridge vlan del vid 5 dev vpa
bridge vlan add vid 5-3 dev vpa
bridge vlan add vid 3-5 dev vpa pvid
bridge vlan add vid 4096 dev vpa
bridge vlan add dev vpa
bridge vlan add vid 5 dev pa
bridge vlan add vid 5 dev nope
bridge vlan foo
bridge vlan
bridge vlan show dev vpa
bridge vlan show dev nope
bridge -j vlan show
bridge vlan set vid 5 dev vpa state 3
bridge vlan tunnelshow
bridge vlan help
