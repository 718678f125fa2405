package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtLimit;

/**
 * extensions/libxt_limit.c: --limit N[/second|/minute|/hour|/day] (any prefix of the unit, default
 * 3/hour; at most 10000/second) and --limit-burst 0..10000 (default 5). iptables-nft stores it as
 * a native limit expression (rate per unit), read back through libxt_limit's avg
 * (10000 * unit / rate): save "--limit 3/hour [--limit-burst B]", print "limit: avg 3/hour burst 5".
 */
final class LibxtLimit extends XtMatchExt {
    private static final Spec[] SPEC = {new Spec("limit", 0, 0), new Spec("limit-burst", 1, 0)};
    private static final long SCALE = 10000;
    /** xt_rateinfo.avg: 1/10000 s per packet. */
    long avg = SCALE * 3600 / 3;
    int burst = 5;

    String name() { return "limit"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        String arg = o.arg();
        if (o.name.equals("limit")) {
            long v = parseRate(arg);
            if (v < 0) throw XtError.param("bad rate \"" + arg + "\"'");
            avg = v;
        } else {
            long v = arg.matches("[0-9]{1,10}") ? parseU32(arg) : -1;
            if (v < 0 || v > 10000) throw XtError.param("limit: bad value for option \"--limit-burst\", or out of range (0-10000).\n");
            burst = (int) v;
        }
    }

    /** parse_rate(): the avg, or -1 for a bad rate. */
    private static long parseRate(String rate) {
        long mult = 1;
        int slash = rate.indexOf('/');
        if (slash >= 0) {
            String u = rate.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            if (u.isEmpty()) return -1;
            if ("second".startsWith(u)) mult = 1;
            else if ("minute".startsWith(u)) mult = 60;
            else if ("hour".startsWith(u)) mult = 3600;
            else if ("day".startsWith(u)) mult = 86400;
            else return -1;
        }
        long r = atoi(rate);
        if (r == 0) return -1;
        long v = SCALE * mult / r;
        if (v == 0) throw XtError.param("Rate too fast \"" + rate + "\"");
        return v;
    }

    /** atoi(): leading blanks, a sign, digits; 0 when none; wraps like a C int. */
    private static long atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) v = v * 10 + (s.charAt(i++) - '0');
        int r = (int) (neg ? -v : v);
        return Integer.toUnsignedLong(r);
    }

    private static final long[] MULT = {SCALE * 86400, SCALE * 3600, SCALE * 60, SCALE};
    private static final String[] NAMES = {"day", "hour", "min", "sec"};

    /** add_nft_limit(): the largest unit whose rate is a whole number of packets. */
    private static int unitIndex(long avg) {
        int i;
        for (i = 1; i < MULT.length; i++) if (avg > MULT[i] || MULT[i] / avg < MULT[i] % avg) break;
        return i - 1;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        int i = unitIndex(avg);
        return new XtLimit(MULT[i] / avg, MULT[i] / SCALE, burst);
    }

    private static void rate(StringBuilder sb, XtLimit l) {
        long a = SCALE * l.unit / l.rate;
        int i = unitIndex(a);
        sb.append(' ').append(MULT[i] / a).append('/').append(NAMES[i]);
    }

    void save(StringBuilder sb, XtMatch m) {
        XtLimit l = (XtLimit) m;
        sb.append(" --limit");
        rate(sb, l);
        if (l.burst != 5) sb.append(" --limit-burst ").append(l.burst);
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtLimit l = (XtLimit) m;
        sb.append(" limit: avg");
        rate(sb, l);
        sb.append(" burst ").append(l.burst);
    }
}
