package dev.nsnet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Word splitting as bash splits simple words (each expectation was checked with bash 5.2 -c). */
class ShellWordsTest {
    @Test
    void blanksSeparateWords() {
        assertEquals(List.of("ip", "link", "show"), ShellWords.split("  ip \t link   show "));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void quotesGroupWords() {
        assertEquals(List.of("ip", "link", "set", "eth0", "alias", "uplink to peer"),
                ShellWords.split("ip link set eth0 alias \"uplink to peer\""));
        assertEquals(List.of("a b", "c"), ShellWords.split("'a b' c"));
        // adjacent quoted and unquoted parts form one word
        assertEquals(List.of("abcdef"), ShellWords.split("ab'cd'\"ef\""));
        assertEquals(List.of(""), ShellWords.split("''"));
        assertEquals(List.of("x", "", "y"), ShellWords.split("x \"\" y"));
    }

    @Test
    void backslashes() {
        // bash -c 'echo a\ b "c\d\"" '"'"'x\y'"'"' e#f'  ->  a b c\d" x\y e#f
        assertEquals(List.of("a b", "c\\d\"", "x\\y", "e#f"),
                ShellWords.split("a\\ b \"c\\d\\\"\" 'x\\y' e#f"));
        assertEquals(List.of("a\\b"), ShellWords.split("\"a\\\\b\""));
        assertEquals(List.of("$HOME"), ShellWords.split("\\$HOME"));
        assertEquals(List.of("$HOME"), ShellWords.split("'$HOME'"));
    }

    @Test
    void commentsStartAtAWordBoundary() {
        assertEquals(List.of("echo", "a"), ShellWords.split("echo a #b c"));
        assertEquals(List.of("echo", "a#b"), ShellWords.split("echo a#b"));
        assertEquals(List.of("echo", "#b"), ShellWords.split("echo '#b'"));
        assertEquals(List.of(), ShellWords.split("# only a comment"));
    }

    @Test
    void unterminatedQuotesAreBashSyntaxErrors() {
        ShellSyntaxException e = assertThrows(ShellSyntaxException.class, () -> ShellWords.split("echo 'abc"));
        assertEquals("bash: -c: line 1: unexpected EOF while looking for matching `''", e.diagnostic());
        e = assertThrows(ShellSyntaxException.class, () -> ShellWords.split("echo \"abc"));
        assertEquals("bash: -c: line 1: unexpected EOF while looking for matching `\"'", e.diagnostic());
    }

    @Test
    void operatorsAndExpansionsAreRejectedClearly() {
        for (String l : List.of("ip link; ip addr", "ip a && ip r", "ip a > f", "ip a &", "echo $HOME",
                "echo \"$HOME\"", "echo `date`", "echo $(date)", "echo $[1+1]", "echo ~", "echo ~/x",
                "echo {a,b}", "echo x{1..3}", "echo a{b,c}d")) {
            ShellSyntaxException e = assertThrows(ShellSyntaxException.class, () -> ShellWords.split(l), l);
            assertTrue(e.diagnostic().startsWith("nsnet: unsupported shell"), e.diagnostic());
        }
        // a lone $ or one not followed by a name is literal in bash; so are these braces and tildes
        assertEquals(List.of("a$", "$/"), ShellWords.split("a$ $/"));
        assertEquals(List.of("{a}", "{}", "a~", "~", "{a,b}"), ShellWords.split("{a} {} a~ \"~\" '{a,b}'"));
    }

    @Test
    void pipeFormSplitsIntoTwoStages() {
        Command c = Command.parse("echo 'a | b' | ip -batch -");
        assertEquals(List.of(List.of("echo", "a | b"), List.of("ip", "-batch", "-")), c.stages());
        assertEquals(List.of("ip", "-batch", "-"), c.last());
        assertThrows(ShellSyntaxException.class, () -> Command.parse("echo a |"));
        assertThrows(ShellSyntaxException.class, () -> Command.parse("| ip"));
        assertThrows(ShellSyntaxException.class, () -> Command.parse("a | b | c"));
    }

    @Test
    void scriptSkipsBlankAndCommentLinesAndTrims() {
        Script s = Script.parse("t.sh", "# header\n\n  ip link show  \n\t# indented comment\r\nip addr\r\n   \n");
        assertEquals(List.of(new Script.Line(3, "ip link show"), new Script.Line(5, "ip addr")), s.lines());
    }
}
