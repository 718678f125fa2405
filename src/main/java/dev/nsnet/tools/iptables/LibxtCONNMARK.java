package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.XtCONNMARK;

/**
 * extensions/libxt_CONNMARK.c (revision 1): --set-xmark/--set-mark value[/mask], --and-mark,
 * --or-mark, --xor-mark, --save-mark, --restore-mark with --nfmask/--ctmask/--mask. Everything
 * saves in its canonical form (--set-xmark V/M, --save-mark --nfmask .. --ctmask ..) and lists as
 * connmark_tg_print() names it (set, xset, and, or, xor, save, restore ...).
 */
final class LibxtCONNMARK extends XtTargetExt {
    /** The option table order (conflict messages name the earlier one first). */
    private static final String[] OPTS = {"set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark", "save-mark",
        "restore-mark", "ctmask", "nfmask", "mask"};
    private final java.util.Set<String> given = new java.util.HashSet<>();
    private int mode = -1;
    private long ctmark, ctmask = 0xffffffffL, nfmask = 0xffffffffL;

    String name() { return "CONNMARK"; }

    String[] options() { return OPTS.clone(); }

    /** xtables_parse_mark_mask(): "value[/mask]" with strtoul base 0; the error names the option. */
    static long[] markMask(String v, String ext, String opt) {
        int slash = v.indexOf('/');
        long val = uint32(slash < 0 ? v : v.substring(0, slash), ext, opt);
        long mask = slash < 0 ? 0xffffffffL : uint32(v.substring(slash + 1), ext, opt);
        return new long[] {val, mask};
    }

    static long uint32(String s, String ext, String opt) {
        try {
            long n;
            if (s.startsWith("0x") || s.startsWith("0X")) n = Long.parseLong(s.substring(2), 16);
            else if (s.length() > 1 && s.startsWith("0")) n = Long.parseLong(s.substring(1), 8);
            else n = Long.parseLong(s);
            if (n < 0 || n > 0xffffffffL || s.startsWith("+") || s.startsWith("-")) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw XtError.param(ext + ": bad integer value for option \"--" + opt + "\", or out of range.\n");
        }
    }

    void parse(XtOpt o) {
        if (o.invert) throw XtError.param("CONNMARK: unexpected `!' before --" + o.name);
        String n = o.name;
        boolean isMode = !n.equals("ctmask") && !n.equals("nfmask") && !n.equals("mask");
        String v = n.equals("save-mark") || n.equals("restore-mark") ? null : o.arg();
        if (given.contains(n)) throw XtError.param("CONNMARK: option \"--" + n + "\" can only be used once.\n");
        if (isMode) {
            for (String other : OPTS) {
                if (other.equals("ctmask")) break;
                if (given.contains(other)) {
                    String first = indexOf(other) < indexOf(n) ? other : n;
                    String second = first.equals(other) ? n : other;
                    throw XtError.param("CONNMARK: option \"--" + first + "\" cannot be used together with \"--"
                            + second + "\".\n");
                }
            }
        }
        given.add(n);
        switch (n) {
            case "set-xmark", "set-mark" -> {
                long[] mm = markMask(v, "CONNMARK", n);
                mode = XtCONNMARK.SET;
                ctmark = mm[0];
                ctmask = n.equals("set-mark") ? (mm[1] | mm[0]) : mm[1];
            }
            case "and-mark" -> {
                mode = XtCONNMARK.SET;
                ctmark = 0;
                ctmask = ~uint32(v, "CONNMARK", n) & 0xffffffffL;
            }
            case "or-mark" -> {
                mode = XtCONNMARK.SET;
                ctmark = uint32(v, "CONNMARK", n);
                ctmask = ctmark;
            }
            case "xor-mark" -> {
                mode = XtCONNMARK.SET;
                ctmark = uint32(v, "CONNMARK", n);
                ctmask = 0;
            }
            case "save-mark" -> mode = XtCONNMARK.SAVE;
            case "restore-mark" -> mode = XtCONNMARK.RESTORE;
            case "ctmask" -> ctmask = uint32(v, "CONNMARK", n);
            case "nfmask" -> nfmask = uint32(v, "CONNMARK", n);
            default -> ctmask = nfmask = uint32(v, "CONNMARK", n);
        }
    }

    private static int indexOf(String n) { return java.util.Arrays.asList(OPTS).indexOf(n); }

    XtTarget finalCheck(XtRuleCtx ctx) {
        if (mode < 0) throw XtError.param("CONNMARK target: No operation specified");
        return new XtCONNMARK(mode, (int) ctmark, (int) ctmask, (int) nfmask);
    }

    void save(StringBuilder sb, XtTarget t) {
        XtCONNMARK c = (XtCONNMARK) t;
        switch (c.mode()) {
            case XtCONNMARK.SET -> sb.append(" --set-xmark ").append(hex(c.ctmark())).append('/').append(hex(c.ctmask()));
            case XtCONNMARK.SAVE -> sb.append(" --save-mark --nfmask ").append(hex(c.nfmask())).append(" --ctmask ")
                    .append(hex(c.ctmask()));
            default -> sb.append(" --restore-mark --nfmask ").append(hex(c.nfmask())).append(" --ctmask ")
                    .append(hex(c.ctmask()));
        }
    }

    void print(StringBuilder sb, XtTarget t, boolean numeric) {
        XtCONNMARK c = (XtCONNMARK) t;
        sb.append(" CONNMARK ");
        switch (c.mode()) {
            case XtCONNMARK.SET -> {
                if (c.ctmark() == 0) sb.append("and ").append(hex(~c.ctmask()));
                else if (c.ctmark() == c.ctmask()) sb.append("or ").append(hex(c.ctmark()));
                else if (c.ctmask() == 0) sb.append("xor ").append(hex(c.ctmark()));
                else if (c.ctmask() == -1) sb.append("set ").append(hex(c.ctmark()));
                else sb.append("xset ").append(hex(c.ctmark())).append('/').append(hex(c.ctmask()));
            }
            case XtCONNMARK.SAVE -> {
                sb.append("save");
                if (c.nfmask() == -1 && c.ctmask() == -1) return;
                if (c.nfmask() == c.ctmask()) sb.append(" mask ").append(hex(c.nfmask()));
                else sb.append(" nfmask ").append(hex(c.nfmask())).append(" ctmask ~").append(hex(c.ctmask()));
            }
            default -> {
                sb.append("restore");
                if (c.nfmask() == -1 && c.ctmask() == -1) return;
                if (c.nfmask() == c.ctmask()) sb.append(" mask ").append(hex(c.ctmask()));
                else sb.append(" ctmask ").append(hex(c.ctmask())).append(" nfmask ~").append(hex(c.nfmask()));
            }
        }
    }
}
