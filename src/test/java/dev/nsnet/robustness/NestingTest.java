package dev.nsnet.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nsnet.api.Result;
import dev.nsnet.api.World;
import org.junit.jupiter.api.Test;

/**
 * Commands that run commands, nested deeper than anyone would type: on Linux each level execs the
 * next (ip netns exec) or starts it (nsnet-world exec, nsnet's ssh), so the depth is bounded by
 * the argument list, not by a stack. nsnet must not turn depth into a StackOverflowError.
 */
class NestingTest {
    private static final String LO = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
            + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n";

    @Test
    void nsnetWorldExecChainsOfAnyDepth() {
        World w = World.create(1);
        assertEquals(0, w.run("nsnet-world host add h1").exitStatus());
        Result r = w.run("nsnet-world exec h1 ".repeat(5000) + "ip link show lo");
        assertEquals(new Result(0, LO), r);
        // a link of the chain that cannot run says so, with the tool's message and status
        Result bad = w.run("nsnet-world exec h1 ".repeat(100) + "nsnet-world exec nope ip link");
        assertEquals(1, bad.exitStatus());
        assertEquals("nsnet-world exec: no host \"nope\" (nsnet-world show lists them)\n", bad.output());
        Result missing = w.run("nsnet-world exec h1 ".repeat(100) + "nosuchcmd");
        assertEquals(127, missing.exitStatus());
        assertFalse(missing.output().contains("Exception"), missing.output());
    }

    @Test
    void ipNetnsExecChains() {
        World w = World.create(1);
        assertEquals(0, w.run("ip netns add a").exitStatus());
        assertEquals(new Result(0, LO), w.run("ip netns exec a ".repeat(10) + "ip link show lo"));
        // each level replaces the previous program (execvp), so depth costs no stack
        assertEquals(new Result(0, "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
                + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"), w.run("ip -n a netns exec a ip link show lo"));
        for (int depth : new int[] {100, 300, 1000, 5000}) {
            Result r = w.run("ip netns exec a ".repeat(depth) + "ip link show lo");
            assertEquals(new Result(0, LO), r, "depth " + depth);
        }
    }
}
