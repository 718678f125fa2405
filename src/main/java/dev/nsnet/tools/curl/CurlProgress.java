package dev.nsnet.tools.curl;

import java.io.PrintStream;
import java.util.Locale;

/**
 * curl's progress meter (lib/progress.c, progress_meter()): shown on stderr when stdout is not a
 * terminal (always, in scripts) unless -s. A header of two lines, then one line per update, each
 * started with a carriage return, the last ended by a newline. Speeds are bytes per second of
 * virtual time, so a successful transfer's line differs from a real run's (scenarios use -s).
 */
final class CurlProgress {
    private final PrintStream err;
    private final boolean on;
    private boolean started, ended;

    CurlProgress(PrintStream err, boolean on) {
        this.err = err;
        this.on = on;
    }

    void start() {
        if (!on) return;
        started = true;
        err.print("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
                + "                                 Dload  Upload   Total   Spent    Left  Speed\n");
        line(0, -1, 0);
    }

    /** The final update ({@code expected} -1 when the size was not known), with its newline. */
    void done(long dl, long expected, long elapsedNs) {
        if (!on || !started || ended) return;
        ended = true;
        line(dl, expected, elapsedNs);
        err.print("\n");
        err.flush();
    }

    private void line(long dl, long expected, long elapsedNs) {
        long us = Math.max(elapsedNs / 1000, 1);
        long speed = elapsedNs <= 0 ? 0 : dl * 1_000_000L / us;
        int pct = expected > 0 ? (int) (dl * 100 / expected) : 0;
        long total = expected > 0 ? expected : 0;
        String spent = time(elapsedNs / 1_000_000_000L);
        err.print(String.format(Locale.ROOT, "\r%3d %5s  %3d %5s  %3d %5s  %5s  %5s %s %s %s %5s",
                pct, max5(total), pct, max5(dl), 0, max5(0), max5(speed), max5(0),
                "--:--:--", spent, "--:--:--", max5(speed)));
        err.flush();
    }

    /** time2str(): "--:--:--" for no time, else H:MM:SS in 8 columns. */
    static String time(long s) {
        if (s <= 0) return "--:--:--";
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        if (h <= 99) return String.format(Locale.ROOT, "%2d:%02d:%02d", h, m, sec);
        long d = s / 86400;
        return d <= 999 ? String.format(Locale.ROOT, "%3dd %02dh", d, (s % 86400) / 3600) : String.format(Locale.ROOT, "%7dd", d);
    }

    /** max5data(): a number in five columns, with k/M/G/T suffixes as it grows. */
    static String max5(long b) {
        final long k = 1024, mb = k * k, gb = mb * k;
        if (b < 100000) return String.format(Locale.ROOT, "%5d", b);
        if (b < 10000 * k) return String.format(Locale.ROOT, "%4dk", b / k);
        if (b < 100 * mb) return String.format(Locale.ROOT, "%2d.%0dM", b / mb, (b % mb) / (mb / 10));
        if (b < 10000 * mb) return String.format(Locale.ROOT, "%4dM", b / mb);
        if (b < 100 * gb) return String.format(Locale.ROOT, "%2d.%0dG", b / gb, (b % gb) / (gb / 10));
        return String.format(Locale.ROOT, "%4dG", b / gb);
    }
}
