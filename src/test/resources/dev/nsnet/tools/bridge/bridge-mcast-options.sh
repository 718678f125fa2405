# multicast options of ip link ... type bridge: stored, checked and shown by ip -d link
ip link add br0 type bridge mcast_igmp_version 4
ip link add br0 type bridge mcast_mld_version 3
ip link add br0 type bridge mcast_vlan_snooping 1
ip link add br0 address 02:00:00:00:0b:00 type bridge mcast_hash_max 1000 mcast_hash_elasticity 5 mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 26000 mcast_query_interval 13000 mcast_query_response_interval 900 mcast_startup_query_interval 3000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 mcast_query_use_ifaddr 1
ip -d link show br0
ip link add br1 address 02:00:00:00:0b:01 type bridge mcast_query_interval 50 mcast_startup_query_interval 50 mcast_hash_max 3
ip -d -j -p link show br1
ip link add br3 type bridge mcast_router 3
ip link add br3 address 02:00:00:00:0b:03 type bridge mcast_querier 1 mcast_snooping 0 nf_call_iptables 1
ip -d link show br3
ip link set br3 type bridge mcast_snooping 1 mcast_router 0 group_fwd_mask 1
ip link set br3 type bridge group_address 01:80:c2:00:00:01
ip link set br3 type bridge group_address 01:80:c2:00:00:0e no_linklocal_learn 1 fdb_flush
ip -d link show br3
ip link add br4 type bridge help
