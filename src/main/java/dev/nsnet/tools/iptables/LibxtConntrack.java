package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtConntrack;
import dev.nsnet.kernel.wire.Inet4;

/**
 * extensions/libxt_conntrack.c (revision 3): --ctstate, --ctproto, --ctorigsrc/--ctorigdst/
 * --ctreplsrc/--ctrepldst (addr[/mask]), --ctorigsrcport/--ctorigdstport/--ctreplsrcport/
 * --ctrepldstport (port[:port]), --ctstatus, --ctexpire (min[:max]), --ctdir, each invertible;
 * saved and listed in that order. {@link LibxtState} covers -m state.
 */
final class LibxtConntrack extends XtMatchExt {
    private int flags, inv, stateMask, l4proto, statusMask, expMin, expMax;
    private final int[] addr = new int[8];
    private final int[] ports = {0, 0xffff, 0, 0xffff, 0, 0xffff, 0, 0xffff};
    private boolean dirReply;

    String name() { return "conntrack"; }

    String[] options() {
        return new String[] {"ctstate", "ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst", "ctstatus",
            "ctexpire", "ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport", "ctdir"};
    }

    static final String[] STATE_NAMES = {"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"};
    static final int[] STATE_BITS = {XtConntrack.S_INVALID, XtConntrack.S_NEW, XtConntrack.S_RELATED,
        XtConntrack.S_ESTABLISHED, XtConntrack.S_UNTRACKED, XtConntrack.S_SNAT, XtConntrack.S_DNAT};
    private static final String[] STATUS_NAMES = {"EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED"};

    void parse(XtOpt o) {
        int f = flagOf(o.name);
        if ((flags & f) != 0) throw XtError.param("conntrack: option \"--" + o.name + "\" can only be used once.\n");
        flags |= f;
        if (o.invert) inv |= f;
        String v = o.arg();
        switch (o.name) {
            case "ctstate" -> stateMask = parseStates(v, STATE_NAMES.length, "ctstate");
            case "ctproto" -> l4proto = RuleParser.parseProto(v);
            case "ctorigsrc" -> addr(v, 0);
            case "ctorigdst" -> addr(v, 2);
            case "ctreplsrc" -> addr(v, 4);
            case "ctrepldst" -> addr(v, 6);
            case "ctorigsrcport" -> ports(v, 0, o.name);
            case "ctorigdstport" -> ports(v, 2, o.name);
            case "ctreplsrcport" -> ports(v, 4, o.name);
            case "ctrepldstport" -> ports(v, 6, o.name);
            case "ctstatus" -> {
                int m = 0;
                for (String s : v.split(",", -1)) {
                    String u = s.toUpperCase();
                    int k = java.util.Arrays.asList(STATUS_NAMES).indexOf(u);
                    if (u.equals("NONE")) continue;
                    if (k < 0) throw XtError.param("Bad ctstatus \"" + s + "\"");
                    m |= 1 << k;
                }
                statusMask = m;
            }
            case "ctexpire" -> {
                String[] p = v.split(":", 2);
                expMin = (int) num(p[0], "ctexpire");
                expMax = p.length > 1 ? (int) num(p[1], "ctexpire") : expMin;
                if (Integer.toUnsignedLong(expMin) > Integer.toUnsignedLong(expMax)) {
                    throw XtError.param("expire range is invalid: " + Integer.toUnsignedString(expMin) + " > "
                            + Integer.toUnsignedString(expMax));
                }
            }
            default -> {
                if (v.equalsIgnoreCase("ORIGINAL")) dirReply = false;
                else if (v.equalsIgnoreCase("REPLY")) dirReply = true;
                else throw XtError.param("conntrack: Bad value for \"--ctdir\" option: \"" + v + "\"");
            }
        }
    }

    private static int flagOf(String n) {
        return switch (n) {
            case "ctstate" -> XtConntrack.STATE;
            case "ctproto" -> XtConntrack.PROTO;
            case "ctorigsrc" -> XtConntrack.ORIGSRC;
            case "ctorigdst" -> XtConntrack.ORIGDST;
            case "ctreplsrc" -> XtConntrack.REPLSRC;
            case "ctrepldst" -> XtConntrack.REPLDST;
            case "ctstatus" -> XtConntrack.STATUS;
            case "ctexpire" -> XtConntrack.EXPIRES;
            case "ctorigsrcport" -> XtConntrack.ORIGSRC_PORT;
            case "ctorigdstport" -> XtConntrack.ORIGDST_PORT;
            case "ctreplsrcport" -> XtConntrack.REPLSRC_PORT;
            case "ctrepldstport" -> XtConntrack.REPLDST_PORT;
            default -> XtConntrack.DIRECTION;
        };
    }

    /** The state list of --ctstate / --state: names in any case, comma separated. */
    static int parseStates(String v, int known, String what) {
        int m = 0;
        for (String s : v.split(",", -1)) {
            int bit = 0;
            for (int i = 0; i < known; i++) if (STATE_NAMES[i].equalsIgnoreCase(s)) bit = STATE_BITS[i];
            if (bit == 0) throw XtError.param("Bad " + what + " \"" + s + "\"");
            m |= bit;
        }
        return m;
    }

    static void states(StringBuilder sb, int mask) {
        boolean first = true;
        for (int i = 0; i < STATE_NAMES.length; i++) {
            if ((mask & STATE_BITS[i]) == 0) continue;
            sb.append(first ? "" : ",").append(STATE_NAMES[i]);
            first = false;
        }
    }

    private void addr(String v, int at) {
        String a = v, m = null;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            a = v.substring(0, slash);
            m = v.substring(slash + 1);
        }
        Integer ip = a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") ? Inet4.parse(a) : null;
        if (ip == null) throw XtError.param("getaddrinfo: Name or service not known\n");
        int mask = -1;
        if (m != null) {
            if (m.matches("[0-9]{1,2}") && Integer.parseInt(m) <= 32) {
                int len = Integer.parseInt(m);
                mask = len == 0 ? 0 : (int) (0xffffffffL << (32 - len));
            } else {
                Integer mv = Inet4.parse(m);
                if (mv == null) throw XtError.param("invalid mask `" + m + "' specified");
                mask = mv;
            }
        }
        addr[at] = ip & mask;
        addr[at + 1] = mask;
    }

    private void ports(String v, int at, String opt) {
        String[] p = v.split(":", 2);
        ports[at] = (int) (num(p[0], opt) & 0xffff);
        ports[at + 1] = p.length > 1 ? (int) (num(p[1], opt) & 0xffff) : ports[at];
    }

    private static long num(String s, String opt) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
            long n = Long.parseLong(s);
            if (n < 0 || n > 0xffffffffL) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw XtError.param("conntrack: bad integer value for option \"--" + opt + "\", or out of range.\n");
        }
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (flags == 0) throw XtError.param("conntrack: At least one option is required");
        return new XtConntrack("conntrack", flags, inv, stateMask, l4proto, addr[0], addr[1], addr[2], addr[3],
                addr[4], addr[5], addr[6], addr[7], ports[0], ports[1], ports[2], ports[3], ports[4], ports[5],
                ports[6], ports[7], statusMask, expMin, expMax, dirReply);
    }

    void save(StringBuilder sb, XtMatch m) { out(sb, (XtConntrack) m, true); }

    void print(StringBuilder sb, XtMatch m, boolean numeric) { out(sb, (XtConntrack) m, false); }

    /** conntrack_dump(): the same parts for save ("--ctstate") and print ("ctstate"). */
    private static void out(StringBuilder sb, XtConntrack c, boolean save) {
        String pre = save ? "--" : "";
        if (has(c, XtConntrack.STATE)) {
            opt(sb, c, XtConntrack.STATE, pre + "ctstate ");
            states(sb, c.stateMask());
        }
        if (has(c, XtConntrack.PROTO)) opt(sb, c, XtConntrack.PROTO, pre + "ctproto " + c.l4proto());
        addrOut(sb, c, XtConntrack.ORIGSRC, pre + "ctorigsrc ", c.origSrc(), c.origSrcMsk());
        addrOut(sb, c, XtConntrack.ORIGDST, pre + "ctorigdst ", c.origDst(), c.origDstMsk());
        addrOut(sb, c, XtConntrack.REPLSRC, pre + "ctreplsrc ", c.replSrc(), c.replSrcMsk());
        addrOut(sb, c, XtConntrack.REPLDST, pre + "ctrepldst ", c.replDst(), c.replDstMsk());
        portOut(sb, c, XtConntrack.ORIGSRC_PORT, pre + "ctorigsrcport ", c.origSport0(), c.origSport1());
        portOut(sb, c, XtConntrack.ORIGDST_PORT, pre + "ctorigdstport ", c.origDport0(), c.origDport1());
        portOut(sb, c, XtConntrack.REPLSRC_PORT, pre + "ctreplsrcport ", c.replSport0(), c.replSport1());
        portOut(sb, c, XtConntrack.REPLDST_PORT, pre + "ctrepldstport ", c.replDport0(), c.replDport1());
        if (has(c, XtConntrack.STATUS)) {
            opt(sb, c, XtConntrack.STATUS, pre + "ctstatus ");
            if (c.statusMask() == 0) sb.append("NONE");
            boolean first = true;
            for (int i = 0; i < STATUS_NAMES.length; i++) {
                if ((c.statusMask() & (1 << i)) == 0) continue;
                sb.append(first ? "" : ",").append(STATUS_NAMES[i]);
                first = false;
            }
        }
        if (has(c, XtConntrack.EXPIRES)) {
            opt(sb, c, XtConntrack.EXPIRES, pre + "ctexpire " + Integer.toUnsignedString(c.expireMin()));
            if (c.expireMax() != c.expireMin()) sb.append(':').append(Integer.toUnsignedString(c.expireMax()));
        }
        if (has(c, XtConntrack.DIRECTION)) {
            opt(sb, c, XtConntrack.DIRECTION, pre + "ctdir " + (c.dirReply() ? "REPLY" : "ORIGINAL"));
        }
    }

    private static boolean has(XtConntrack c, int f) { return (c.flags() & f) != 0; }

    private static void opt(StringBuilder sb, XtConntrack c, int f, String text) {
        sb.append((c.inv() & f) != 0 ? " ! " : " ").append(text);
    }

    private static void addrOut(StringBuilder sb, XtConntrack c, int f, String text, int a, int m) {
        if (!has(c, f)) return;
        opt(sb, c, f, text + Inet4.format(a) + (m == -1 ? "" : "/" + IptFormat.maskText(m)));
    }

    private static void portOut(StringBuilder sb, XtConntrack c, int f, String text, int lo, int hi) {
        if (!has(c, f)) return;
        opt(sb, c, f, text + lo + (hi != lo ? ":" + hi : ""));
    }
}
