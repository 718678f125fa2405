package dev.nsnet.scenario;

/**
 * Produces a scenario's transcript (CONFORMANCE.md "Transcript"): for each command line, {@code $ }
 * and the trimmed line, then everything it wrote to stdout and stderr merged in write order, then
 * {@code [exit N]} when its status is not 0. Like scripts/record-golden.sh, output that does not
 * end in a newline gets one, so that the next {@code $ } line starts a line of its own.
 */
public final class Transcript {
    private Transcript() { }

    /** Runs {@code script} in {@code session} and returns its transcript. */
    public static String run(Script script, Session session) {
        StringBuilder t = new StringBuilder();
        for (Script.Line line : script.lines()) appendLine(t, line.text(), session.capture(line.text()));
        return t.toString();
    }

    /** Appends one command's part of a transcript. */
    public static void appendLine(StringBuilder t, String line, Session.Result r) {
        t.append("$ ").append(line).append('\n');
        String out = r.output();
        if (!out.isEmpty()) {
            t.append(out);
            if (!out.endsWith("\n")) t.append('\n');
        }
        if (r.exitStatus() != 0) t.append("[exit ").append(r.exitStatus()).append("]\n");
    }
}
