# node1 itself: no pod; the ping runs in node1's root namespace (the baseline)
