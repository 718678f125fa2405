package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtStatistic;

/**
 * extensions/libxt_statistic.c: --mode random|nth (mandatory), [!] --probability P (0..1),
 * [!] --every N (1..) with --packet P (0..N-1). Save "--mode random ! --probability
 * 0.50000000000" / "--mode nth --every 3 --packet 1", print "statistic mode random probability ...".
 */
final class LibxtStatistic extends XtMatchExt {
    private static final int F_PROB = 2, F_EVERY = 4, F_PACKET = 8;
    private static final Spec[] SPEC = {
        new Spec("mode", 0, MAND), new Spec("probability", 1, INVERT, F_EVERY | F_PACKET, 0),
        new Spec("every", 2, INVERT, F_PROB, F_PACKET), new Spec("packet", 3, 0, F_PROB, F_EVERY),
    };
    int mode = XtStatistic.MODE_RANDOM, probability, every, packet;
    boolean invert;

    String name() { return "statistic"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        if (o.invert) invert = true;
        String arg = o.arg();
        switch (o.name) {
            case "mode" -> {
                if (arg.equals("random")) mode = XtStatistic.MODE_RANDOM;
                else if (arg.equals("nth")) mode = XtStatistic.MODE_NTH;
                else throw XtError.param("Bad mode \"" + arg + "\"");
            }
            case "probability" -> {
                double d;
                try {
                    d = Double.parseDouble(arg.trim());
                } catch (NumberFormatException e) {
                    d = Double.NaN;
                }
                if (!(d >= 0 && d <= 1) || arg.matches(".*[dDfF]$"))
                    throw XtError.param("statistic: bad value for option \"--probability\", or out of range (0-1).\n");
                probability = (int) Math.round(0x80000000L * d);
            }
            case "every" -> {
                long v = arg.matches("[0-9]+") ? parseU32(arg) : -1;
                if (v < 1) throw XtError.param("statistic: bad value for option \"--every\", or out of range (1-4294967295).\n");
                every = (int) (v - 1);
            }
            default -> {
                long v = arg.matches("[0-9]+") ? parseU32(arg) : -1;
                if (v < 0) throw XtError.param("statistic: bad value for option \"--packet\", or out of range (0-4294967295).\n");
                packet = (int) v;
            }
        }
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (mode == XtStatistic.MODE_RANDOM && (xflags & F_PROB) == 0)
            throw XtError.param("--probability must be specified when using random mode");
        if (mode == XtStatistic.MODE_NTH && (xflags & (F_EVERY | F_PACKET)) == 0)
            throw XtError.param("--every and --packet must be specified when using nth mode");
        if (Integer.compareUnsigned(packet, every) > 0) throw XtError.param("the --packet p must be 0 <= p <= n-1");
        return new XtStatistic(mode, invert, probability, every, packet);
    }

    private static void body(StringBuilder sb, XtStatistic x, String prefix) {
        if (x.mode == XtStatistic.MODE_RANDOM) {
            sb.append(' ').append(prefix).append("mode random").append(x.invert ? " !" : "").append(' ').append(prefix)
                    .append("probability ").append(String.format("%.11f", Integer.toUnsignedLong(x.probability) / (double) 0x80000000L));
        } else {
            sb.append(' ').append(prefix).append("mode nth").append(x.invert ? " !" : "").append(' ').append(prefix)
                    .append("every ").append(Integer.toUnsignedLong(x.every) + 1);
            if (x.packet != 0 || !prefix.isEmpty()) sb.append(' ').append(prefix).append("packet ").append(Integer.toUnsignedLong(x.packet));
        }
    }

    void save(StringBuilder sb, XtMatch m) { body(sb, (XtStatistic) m, "--"); }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        sb.append(" statistic");
        body(sb, (XtStatistic) m, "");
    }
}
