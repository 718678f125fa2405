# ip netns list-id with target-nsid / nsid (current-nsid, dump and get errors), ip netns set forms
ip netns add a
ip netns add b
ip netns set a 5
ip netns set b 6
ip netns exec a ip netns set b 2
ip netns add c
ip netns list-id target-nsid 9 nsid 1
ip netns list-id target-nsid 9 nsid 5
ip netns list-id target-nsid 5 nsid 6
ip -j netns list-id target-nsid 9
ip netns list-id target-nsid 9
ip netns list-id target-nsid 5
ip netns list-id target-nsid -1
ip netns list-id target-nsid -1 nsid 3
ip netns list-id nsid -2 target-nsid 3
ip netns list-id target-nsid 5 target-nsid 5
ip netns list-id nsid 5 nsid 5
ip netns set c 0x10
ip netns set c 3
ip netns set nope 3
ip netns set a 5 extra
ip netns list
ip -j netns list
ip -j -p netns list
ip netns list-id
ip -j netns list-id
ip netns list-id target-nsid 5
ip netns list-id nsid 5
ip netns list-id nsid 7
ip netns list-id target-nsid 99
ip netns list-id foo
ip netns list-id nsid x
