package dev.nsnet.tools.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/** bash's builtin echo (expectations checked with bash 5.2 -c). */
class EchoTest {
    private static String echo(String line) { return new Session(1).capture(line).output(); }

    @Test
    void options() {
        assertEquals("a b\n", echo("echo a   b"));
        assertEquals("\n", echo("echo"));
        assertEquals("a", echo("echo -n a"));
        assertEquals("a\tb\n", echo("echo -ne 'a\\tb\\n'"));
        assertEquals("-x -n a\n", echo("echo -x -n a"));
        assertEquals("a\\tb", echo("echo -n -e -E 'a\\tb'"));
        assertEquals("a\\b\n", echo("echo 'a\\b'"));
        assertEquals("-\n", echo("echo -"));
    }

    @Test
    void escapes() {
        assertEquals("A\n", echo("echo -e '\\x41'"));
        assertEquals("A\n", echo("echo -e '\\0101'"));
        assertEquals("ab", echo("echo -e 'ab\\cde'"));
        assertEquals("\\q\n", echo("echo -e '\\q'"));
    }

    @Test
    void trueAndFalse() {
        assertEquals(new Session.Result(0, ""), new Session(1).capture("true --anything"));
        assertEquals(new Session.Result(1, ""), new Session(1).capture("false"));
    }
}
