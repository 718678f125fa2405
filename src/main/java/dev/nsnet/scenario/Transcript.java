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
        stream(script, session, t::append);
        return t.toString();
    }

    /**
     * Runs {@code script} in {@code session}, handing each line's part of the transcript to
     * {@code sink} as soon as the line has ended. All lines and background jobs write to one
     * terminal, as the recorder's commands all append to one file, so a job's output lands under
     * whichever line is running when it is written. At the end, jobs still running are killed.
     */
    public static void stream(Script script, Session session, java.util.function.Consumer<String> sink) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream term = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        for (Script.Line line : script.lines()) {
            term.print("$ " + line.text() + "\n");
            int status = session.execute(line.text(), term, term);
            term.flush();
            byte[] b = buf.toByteArray();
            if (b.length > 0 && b[b.length - 1] != '\n') term.print('\n');
            if (status != 0) term.print("[exit " + status + "]\n");
            term.flush();
            sink.accept(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            buf.reset();
        }
        session.endScript();
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
