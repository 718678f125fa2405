package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The skip index must never skip a rule that could match: for random chains and packets, next(i)
 * is exactly the first rule at or after i that is unindexed (inverted addresses) or whose address
 * test passes, as a plain walk would find it.
 */
class RuleIndexTest {
    private static final int[] MASKS = {0, 0xff000000, 0xffff0000, 0xffffff00, -1};

    @Test
    void nextIsTheFirstRuleWhoseAddressesCanMatch() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int round = 0; round < 50; round++) {
            int n = 16 + rnd.nextInt(400);
            XtRule[] rules = new XtRule[n];
            for (int i = 0; i < n; i++) {
                int sm = MASKS[rnd.nextInt(MASKS.length)], dm = MASKS[rnd.nextInt(MASKS.length)];
                int inv = rnd.nextInt(20) == 0 ? XtRule.INV_SRCIP : 0;
                rules[i] = new XtRule(addr(rnd), sm, addr(rnd), dm, null, false, null, false, 0, inv,
                        new XtMatch[0], XtTarget.Verdict.ACCEPT, "");
            }
            RuleIndex idx = RuleIndex.build(rules);
            for (int k = 0; k < 200; k++) {
                int s = addr(rnd), d = addr(rnd);
                int from = rnd.nextInt(n + 1);
                assertEquals(linear(rules, from, s, d), idx.next(from, s, d), "round " + round);
            }
        }
    }

    @Test
    void shortChainsAreWalkedPlainly() {
        assertNull(RuleIndex.build(new XtRule[3]));
    }

    /** Addresses from a small space so that rules do match now and then. */
    private static int addr(SplittableRandom rnd) {
        return (10 << 24) | (rnd.nextInt(3) << 16) | (rnd.nextInt(3) << 8) | rnd.nextInt(4);
    }

    private static int linear(XtRule[] rules, int from, int s, int d) {
        for (int i = from; i < rules.length; i++) {
            XtRule r = rules[i];
            if ((r.invflags & (XtRule.INV_SRCIP | XtRule.INV_DSTIP)) != 0) return i;
            if ((s & r.smsk) == r.src && (d & r.dmsk) == r.dst) return i;
        }
        return rules.length;
    }
}
