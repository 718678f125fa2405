# ip -batch: file errors, stdin lines, comments, continuation, quotes, Command failed, -force, exit() errors
ip -batch /nonexistent
ip -force -batch /nonexistent
ip -batch
ip -batch -
echo link show lo | ip -batch -
echo link show lo | ip -br -batch -
echo link show lo | ip -batch - -br
echo link show lo | ip -batch - address show
echo link show nope | ip -batch -
echo link add x type frob | ip -batch -
echo link set lo mtu abc | ip -batch -
echo frob | ip -batch -
echo -e "link show lo\nlink show nope\nlink show lo" | ip -batch -
echo -e "link show lo\nlink show nope\nlink show lo" | ip -force -batch -
echo -e "# comment\n\nlink show lo # trailing\naddr show lo" | ip -batch -
echo -e "link add v0 address 02:00:00:00:00:01 type veth \\\\\npeer name v1 address 02:00:00:00:00:02\nlink show v1" | ip -batch -
echo "link show 'lo'" | ip -batch -
echo "link show 'lo" | ip -batch -
echo -e "-br link show lo" | ip -batch -
echo -e "link del v0\nlink del v0\nlink show v1" | ip -force -batch -
