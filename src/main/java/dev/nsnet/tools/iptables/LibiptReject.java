package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.IptReject;

/**
 * extensions/libipt_REJECT.c: --reject-with TYPE (long and short names; default
 * icmp-port-unreachable). The kernel's reject_tg_check refuses tcp-reset without -p tcp, and the
 * target outside filter INPUT/FORWARD/OUTPUT (measured: mangle INPUT is refused too).
 */
final class LibiptReject extends XtTargetExt {
    IptReject.With with = IptReject.With.ICMP_PORT_UNREACHABLE;

    String name() { return "REJECT"; }

    String[] options() { return new String[] {"reject-with"}; }

    void parse(XtOpt o) {
        String s = o.arg();
        with = switch (s) {
            case "icmp-net-unreachable", "net-unreach" -> IptReject.With.ICMP_NET_UNREACHABLE;
            case "icmp-host-unreachable", "host-unreach" -> IptReject.With.ICMP_HOST_UNREACHABLE;
            case "icmp-proto-unreachable", "proto-unreach" -> IptReject.With.ICMP_PROT_UNREACHABLE;
            case "icmp-port-unreachable", "port-unreach" -> IptReject.With.ICMP_PORT_UNREACHABLE;
            case "icmp-net-prohibited", "net-prohib" -> IptReject.With.ICMP_NET_PROHIBITED;
            case "icmp-host-prohibited", "host-prohib" -> IptReject.With.ICMP_HOST_PROHIBITED;
            case "icmp-admin-prohibited", "admin-prohib" -> IptReject.With.ICMP_ADMIN_PROHIBITED;
            case "tcp-reset", "tcp-rst" -> IptReject.With.TCP_RESET;
            default -> throw XtError.param("unknown reject type \"" + s + "\"");
        };
    }

    XtTarget finalCheck(XtRuleCtx ctx) { return new IptReject(with); }

    @Override
    void checkEntry(XtRuleCtx ctx, XtTarget t) {
        boolean badHook = !ctx.table().equals("filter") || ctx.chainIn("PREROUTING", "POSTROUTING");
        if ((((IptReject) t).with() == IptReject.With.TCP_RESET && ctx.proto() != 6) || badHook) throw ctx.invalid();
    }

    void save(StringBuilder sb, XtTarget t) { sb.append(" --reject-with ").append(((IptReject) t).with().text); }

    void print(StringBuilder sb, XtTarget t, boolean numeric) { sb.append(" reject-with ").append(((IptReject) t).with().text); }
}
