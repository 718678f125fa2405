package dev.nsnet.tools.jobs;

import java.util.Locale;

/** Signal names and numbers as bash's kill builtin knows them on x86-64 Linux (signal(7)). */
final class Signals {
    private Signals() { }

    private static final String[] NAMES = {
        null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
        "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    };

    /** The number for NAME, SIGNAME or a decimal number (0..64); -1 when unknown. */
    static int parse(String s) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            if (s.length() > 3) return -1;
            int n = Integer.parseInt(s);
            return n <= 64 ? n : -1;
        }
        String u = s.toUpperCase(Locale.ROOT);
        if (u.startsWith("SIG")) u = u.substring(3);
        for (int i = 1; i <= 64; i++) if (u.equals(name(i))) return i;
        return -1;
    }

    /** The name without SIG: HUP..SYS, and the real-time signals 34..64 as bash names them. */
    static String name(int n) {
        if (n > 0 && n < NAMES.length) return NAMES[n];
        if (n == 34) return "RTMIN";
        if (n > 34 && n <= 49) return "RTMIN+" + (n - 34);
        if (n >= 50 && n < 64) return "RTMAX-" + (64 - n);
        if (n == 64) return "RTMAX";
        return null;
    }

    /** What bash prints for a job killed by {@code sig}; null for the ones it keeps quiet about. */
    static String description(int sig) {
        return switch (sig) {
            case 1 -> "Hangup";
            case 3 -> "Quit";
            case 9 -> "Killed";
            case 10 -> "User defined signal 1";
            case 12 -> "User defined signal 2";
            case 14 -> "Alarm clock";
            default -> null;
        };
    }
}
