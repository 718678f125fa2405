package dev.nsnet.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed command line: a simple command, or the one pipe form CONFORMANCE.md allows
 * ({@code echo WORDS | CMD ...}, generalised to any {@code A | B}: A's standard output becomes
 * B's standard input), optionally run in the background with one trailing {@code &} (README
 * "widening the grammar"). Everything else a shell would accept is rejected with a clear message.
 */
public record Command(List<List<String>> stages, boolean background) {
    public Command(List<List<String>> stages) { this(stages, false); }

    public static Command parse(String line) {
        List<List<String>> stages = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        List<ShellWords.Token> tokens = ShellWords.tokens(line);
        boolean background = false;
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof ShellWords.Token.Op o && o.text().equals("&")) {
            background = true;
            tokens = tokens.subList(0, tokens.size() - 1);
            if (tokens.isEmpty()) throw new ShellSyntaxException("syntax error near unexpected token `&'", true);
        }
        for (ShellWords.Token t : tokens) {
            switch (t) {
                case ShellWords.Token.Word w -> cur.add(w.text());
                case ShellWords.Token.Op o -> {
                    if (!o.text().equals("|")) {
                        throw new ShellSyntaxException("unsupported shell syntax `" + o.text()
                                + "' (nsnet runs one simple command per line, optionally `A | B')");
                    }
                    if (cur.isEmpty()) throw new ShellSyntaxException("syntax error near unexpected token `|'", true);
                    stages.add(List.copyOf(cur));
                    cur = new ArrayList<>();
                }
            }
        }
        if (cur.isEmpty() && !stages.isEmpty()) throw new ShellSyntaxException("syntax error: unexpected end of file", true);
        if (!cur.isEmpty()) stages.add(List.copyOf(cur));
        if (stages.size() > 2) throw new ShellSyntaxException("unsupported shell syntax: more than one `|'");
        return new Command(List.copyOf(stages), background);
    }

    public boolean isEmpty() { return stages.isEmpty(); }

    /** The words of the last stage (the command whose status is the line's status). */
    public List<String> last() { return stages.get(stages.size() - 1); }
}
