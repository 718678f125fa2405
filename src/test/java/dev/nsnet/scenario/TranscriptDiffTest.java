package dev.nsnet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The readable first difference the golden tests print. */
class TranscriptDiffTest {
    @Test
    void equalAfterNormalisingIsNoDifference() {
        assertNull(TranscriptDiff.diff("$ ping\ntime=0.1 ms\n", "$ ping\ntime=0.030 ms\n"));
    }

    @Test
    void anInsertedLineShowsAsOnePlusLine() {
        String want = "$ a\none\n$ b\ntwo\nthree\nfour\nfive\n";
        String got = "$ a\none\nextra\n$ b\ntwo\nthree\nfour\nfive\n";
        assertEquals("""
                first difference at line 3, in the output of `a`
                    $ a
                    one
                  + extra
                    $ b
                    two
                    three
                (- expected from the real kernel, + nsnet; 7 vs 8 lines)""", TranscriptDiff.diff(want, got));
    }

    @Test
    void aChangedLineAndAShortTranscript() {
        assertEquals("""
                first difference at line 2, in the output of `a`
                    $ a
                  - 1
                  + 2
                (- old, + new; 2 vs 2 lines)""", TranscriptDiff.diff("$ a\n1\n", "$ a\n2\n", "old", "new"));
        assertEquals("""
                first difference at line 3, in the output of `b`
                    $ a
                    $ b
                  - (expected from the real kernel: transcript ends here)
                  + out
                  + [exit 1]
                (- expected from the real kernel, + nsnet; 2 vs 4 lines)""",
                TranscriptDiff.diff("$ a\n$ b\n", "$ a\n$ b\nout\n[exit 1]\n"));
    }
}
