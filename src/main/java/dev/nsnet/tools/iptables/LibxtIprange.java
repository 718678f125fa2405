package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtIprange;
import dev.nsnet.kernel.wire.Inet4;

/**
 * extensions/libxt_iprange.c (revision 1): [!] --src-range A[-B], [!] --dst-range A[-B] (a single
 * address is the range A-A). A reversed range is accepted with a warning on stderr. Save
 * "--src-range A-B", print "source IP range [!] A-B destination IP range ...".
 */
final class LibxtIprange extends XtMatchExt {
    private static final Spec[] SPEC = {new Spec("src-range", 0, INVERT), new Spec("dst-range", 1, INVERT)};
    int srcMin, srcMax, dstMin, dstMax, flags;

    String name() { return "iprange"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        String arg = o.arg();
        int dash = arg.indexOf('-');
        String a = dash < 0 ? arg : arg.substring(0, dash), b = dash < 0 ? arg : arg.substring(dash + 1);
        int lo = addr(a, o.name), hi = addr(b, o.name);
        if (Integer.compareUnsigned(lo, hi) > 0) {
            rule.warn("xt_iprange: range " + a + "-" + b + " is reversed and will never match");
        }
        if (o.name.equals("src-range")) {
            srcMin = lo;
            srcMax = hi;
            flags |= XtIprange.SRC | (o.invert ? XtIprange.SRC_INV : 0);
        } else {
            dstMin = lo;
            dstMax = hi;
            flags |= XtIprange.DST | (o.invert ? XtIprange.DST_INV : 0);
        }
    }

    private static int addr(String s, String opt) {
        Integer v = s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") ? Inet4.parse(s) : null;
        if (v == null) throw XtError.param("iprange: Bad value for \"--" + opt + "\" option: \"" + s + "\"");
        return v;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (xflags == 0) throw XtError.param("iprange match: You must specify `--src-range' or `--dst-range'");
        return new XtIprange(srcMin, srcMax, dstMin, dstMax, flags);
    }

    void save(StringBuilder sb, XtMatch m) {
        XtIprange x = (XtIprange) m;
        if ((x.flags() & XtIprange.SRC) != 0) {
            if ((x.flags() & XtIprange.SRC_INV) != 0) sb.append(" !");
            sb.append(" --src-range ").append(Inet4.format(x.srcMin())).append('-').append(Inet4.format(x.srcMax()));
        }
        if ((x.flags() & XtIprange.DST) != 0) {
            if ((x.flags() & XtIprange.DST_INV) != 0) sb.append(" !");
            sb.append(" --dst-range ").append(Inet4.format(x.dstMin())).append('-').append(Inet4.format(x.dstMax()));
        }
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtIprange x = (XtIprange) m;
        if ((x.flags() & XtIprange.SRC) != 0) {
            sb.append(" source IP range");
            if ((x.flags() & XtIprange.SRC_INV) != 0) sb.append(" !");
            sb.append(' ').append(Inet4.format(x.srcMin())).append('-').append(Inet4.format(x.srcMax()));
        }
        if ((x.flags() & XtIprange.DST) != 0) {
            sb.append(" destination IP range");
            if ((x.flags() & XtIprange.DST_INV) != 0) sb.append(" !");
            sb.append(' ').append(Inet4.format(x.dstMin())).append('-').append(Inet4.format(x.dstMax()));
        }
    }
}
