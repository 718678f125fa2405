package dev.nsnet.tools.tcpdump;

/**
 * tcpdump's timestamp prefixes (print.c {@code ts_print}) over the virtual clock: none (-t),
 * HH:MM:SS.uuuuuu (default), seconds since the epoch (-tt), the delta from the previous packet
 * (-ttt), date and time (-tttt), the delta from the first packet (-ttttt). The virtual clock's
 * 0 is 1970-01-01 00:00:00 UTC, and the time zone is UTC.
 */
final class Timestamps {
    private Timestamps() { }

    static void format(StringBuilder sb, int tflag, long ts, long first, long prev) {
        switch (tflag) {
            case 0 -> hms(sb, ts);
            case 1 -> { }
            case 2 -> sb.append(ts / 1_000_000_000L).append('.').append(pad6(ts % 1_000_000_000L / 1000)).append(' ');
            case 3 -> delta(sb, prev < 0 ? 0 : ts - prev);
            case 4 -> {
                java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(ts / 1_000_000_000L, 0, java.time.ZoneOffset.UTC);
                sb.append(String.format("%04d-%02d-%02d ", t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
                hms(sb, ts);
            }
            default -> delta(sb, first < 0 ? 0 : ts - first);
        }
    }

    /** A delta carries its sign: a blank for a forward step. */
    private static void delta(StringBuilder sb, long ns) {
        sb.append(ns < 0 ? '-' : ' ');
        hms(sb, Math.abs(ns));
    }

    private static void hms(StringBuilder sb, long ns) {
        long s = ns / 1_000_000_000L;
        long us = ns % 1_000_000_000L / 1000;
        long h = s / 3600 % 24;
        if (ns < 0) { h = 0; s = 0; us = 0; }
        sb.append(String.format("%02d:%02d:%02d.%s ", h, s / 60 % 60, s % 60, pad6(us)));
    }

    private static String pad6(long us) {
        String x = Long.toString(us);
        return "000000".substring(x.length()) + x;
    }
}
