package dev.nsnet.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one script line into words the way bash splits simple words (CONFORMANCE.md "Scenario
 * script"): blanks separate words; single quotes keep everything literally; double quotes keep
 * everything but let a backslash escape {@code $ ` " \}; an unquoted backslash makes the next
 * character literal; an unquoted {@code #} at the start of a word starts a comment.
 *
 * <p>Unquoted shell operators ({@code | & ; < > ( )}) come out as {@link Token.Op} tokens so the
 * caller can accept the few forms nsnet supports and reject the rest with a clear message. Syntax
 * that bash would expand ({@code $NAME}, {@code $(...)}, backquotes, a leading {@code ~}, brace
 * expansion {@code {a,b}}) is rejected here: nsnet does not expand anything, and silently passing
 * the text through would differ from bash. Globs ({@code * ? [}) stay literal, as bash leaves a
 * pattern that matches no file.
 */
public final class ShellWords {
    private ShellWords() { }

    /** One lexical token of a line. */
    public sealed interface Token {
        record Word(String text) implements Token { }

        record Op(String text) implements Token { }
    }

    private static boolean isBlank(char c) { return c == ' ' || c == '\t'; }

    private static boolean isOpChar(char c) {
        return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c)
                || "{(@*#?$!-[".indexOf(c) >= 0;
    }

    /** Splits {@code line} into words only; any operator or expansion is a {@link ShellSyntaxException}. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        for (Token t : tokens(line)) {
            switch (t) {
                case Token.Word w -> words.add(w.text());
                case Token.Op o -> throw new ShellSyntaxException(
                        "unsupported shell syntax `" + o.text() + "' (nsnet runs one simple command per line)");
            }
        }
        return words;
    }

    /** Tokenises {@code line}: words (quotes removed) and unquoted operators. */
    public static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (isBlank(c)) {
                if (inWord) { out.add(new Token.Word(w.toString())); w.setLength(0); inWord = false; }
                i++;
            } else if (c == '#' && !inWord) {
                break; // comment to end of line
            } else if (c == '~' && !inWord) {
                throw new ShellSyntaxException("unsupported shell expansion `~' (bash would put a home directory here)");
            } else if (c == '{' && isBraceExpansion(line, i)) {
                throw new ShellSyntaxException("unsupported shell expansion `"
                        + line.substring(i, line.indexOf('}', i) + 1) + "' (bash would expand the braces)");
            } else if (isOpChar(c)) {
                if (inWord) { out.add(new Token.Word(w.toString())); w.setLength(0); inWord = false; }
                int j = i + 1;
                // the two-character operators bash knows: || && ;; >> << >& <& |& &>
                if (j < n && isTwoCharOp(line.substring(i, j + 1))) j++;
                out.add(new Token.Op(line.substring(i, j)));
                i = j;
            } else if (c == '\\') {
                inWord = true;
                if (i + 1 < n) { w.append(line.charAt(i + 1)); i += 2; }
                else i++; // a trailing backslash continues the line; there is none to continue
            } else if (c == '\'') {
                inWord = true;
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new ShellSyntaxException("unexpected EOF while looking for matching `''", true);
                w.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                inWord = true;
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') { closed = true; i++; break; }
                    if (d == '\\' && i + 1 < n && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                        w.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '`' || (d == '$' && i + 1 < n && isNameStart(line.charAt(i + 1)))) {
                        throw new ShellSyntaxException(expansionMessage(line, i));
                    }
                    w.append(d);
                    i++;
                }
                if (!closed) throw new ShellSyntaxException("unexpected EOF while looking for matching `\"'", true);
            } else if (c == '`' || (c == '$' && i + 1 < n && (isNameStart(line.charAt(i + 1))
                    || line.charAt(i + 1) == '\'' || line.charAt(i + 1) == '"'))) {
                throw new ShellSyntaxException(expansionMessage(line, i));
            } else {
                inWord = true;
                w.append(c);
                i++;
            }
        }
        if (inWord) out.add(new Token.Word(w.toString()));
        return out;
    }

    /** Whether the unquoted {@code {} at {@code at} starts a brace expansion ({@code {a,b}}, {@code {1..3}}). */
    private static boolean isBraceExpansion(String line, int at) {
        int depth = 0;
        for (int j = at; j < line.length(); j++) {
            char d = line.charAt(j);
            if (d == ' ' || d == '\t' || d == '\'' || d == '"' || d == '\\') return false;
            if (d == '{') depth++;
            if (d == '}' && --depth == 0) {
                String inner = line.substring(at + 1, j);
                return inner.contains(",") || inner.contains("..");
            }
        }
        return false;
    }

    private static boolean isTwoCharOp(String s) {
        return switch (s) {
            case "||", "&&", ";;", ">>", "<<", ">&", "<&", "|&", "&>" -> true;
            default -> false;
        };
    }

    private static String expansionMessage(String line, int at) {
        String what = line.substring(at, Math.min(line.length(), at + 2));
        return "unsupported shell expansion `" + what + "...' (nsnet does not expand variables or commands)";
    }
}
