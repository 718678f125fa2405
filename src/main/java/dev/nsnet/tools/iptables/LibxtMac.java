package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtMac;
import dev.nsnet.kernel.wire.Mac;

/** extensions/libxt_mac.c: [!] --mac-source XX:XX:XX:XX:XX:XX; save lower-case, print "MAC [!] addr". */
final class LibxtMac extends XtMatchExt {
    private static final Spec[] SPEC = {new Spec("mac-source", 0, INVERT | MAND)};
    long mac;
    boolean invert;

    String name() { return "mac"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        String s = o.arg();
        String[] p = s.split(":", -1);
        if (p.length != 6) throw XtError.param("Invalid MAC address specified.");
        long v = 0;
        for (String b : p) {
            if (!b.matches("[0-9a-fA-F]{1,2}")) throw XtError.param("Invalid MAC address specified.");
            v = (v << 8) | Integer.parseInt(b, 16);
        }
        mac = v;
        invert = o.invert;
    }

    XtMatch finalCheck(XtRuleCtx ctx) { return new XtMac(mac, invert); }

    @Override
    void checkEntry(XtRuleCtx ctx, XtMatch m) {
        // xt_mac's .hooks: PREROUTING, INPUT, FORWARD.
        if (ctx.chainIn("OUTPUT", "POSTROUTING")) throw ctx.invalid();
    }

    void save(StringBuilder sb, XtMatch m) {
        XtMac x = (XtMac) m;
        if (x.invert()) sb.append(" !");
        sb.append(" --mac-source ").append(Mac.format(x.mac()));
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtMac x = (XtMac) m;
        sb.append(" MAC");
        if (x.invert()) sb.append(" !");
        sb.append(' ').append(Mac.format(x.mac()));
    }
}
