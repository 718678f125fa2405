package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.XtLog;

/**
 * extensions/libxt_LOG.c: --log-level (0-7 or a syslog name), --log-prefix (at most 29
 * characters), --log-tcp-sequence, --log-tcp-options, --log-ip-options, --log-uid, --log-macdecode.
 */
final class LibxtLog extends XtTargetExt {
    int level = 4, flags;
    String prefix = "";

    String name() { return "LOG"; }

    String[] options() {
        return new String[] {"log-level", "log-prefix", "log-tcp-sequence", "log-tcp-options", "log-ip-options",
            "log-uid", "log-macdecode"};
    }

    void parse(XtOpt o) {
        switch (o.name) {
            case "log-level" -> level = parseLogLevel(o.arg());
            case "log-prefix" -> {
                String p = o.arg();
                if (p.length() > 29) throw XtError.param("Maximum prefix length 29 for --log-prefix");
                prefix = p;
            }
            case "log-tcp-sequence" -> flags |= XtLog.TCPSEQ;
            case "log-tcp-options" -> flags |= XtLog.TCPOPT;
            case "log-ip-options" -> flags |= XtLog.IPOPT;
            case "log-uid" -> flags |= XtLog.UID;
            default -> flags |= XtLog.MACDECODE;
        }
    }

    static int parseLogLevel(String s) {
        String[] names = {"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};
        if (s.matches("[0-7]")) return Integer.parseInt(s);
        for (int i = 0; i < names.length; i++) if (names[i].equals(s)) return i;
        if (s.equals("panic")) return 0;
        if (s.equals("err")) return 3;
        if (s.equals("warn")) return 4;
        throw XtError.param("log-level `" + s + "' unknown");
    }

    XtTarget finalCheck(XtRuleCtx ctx) { return new XtLog(level, prefix, flags); }

    void save(StringBuilder sb, XtTarget t) {
        XtLog lg = (XtLog) t;
        if (!lg.prefix().isEmpty()) sb.append(" --log-prefix \"").append(lg.prefix()).append('"');
        if (lg.level() != 4) sb.append(" --log-level ").append(lg.level());
        if ((lg.flags() & XtLog.TCPSEQ) != 0) sb.append(" --log-tcp-sequence");
        if ((lg.flags() & XtLog.TCPOPT) != 0) sb.append(" --log-tcp-options");
        if ((lg.flags() & XtLog.IPOPT) != 0) sb.append(" --log-ip-options");
        if ((lg.flags() & XtLog.UID) != 0) sb.append(" --log-uid");
        if ((lg.flags() & XtLog.MACDECODE) != 0) sb.append(" --log-macdecode");
    }

    private static final String[] LEVELS = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

    void print(StringBuilder sb, XtTarget t, boolean numeric) {
        XtLog lg = (XtLog) t;
        if (numeric) sb.append(" LOG flags ").append(lg.flags()).append(" level ").append(lg.level());
        else {
            sb.append(" LOG level ").append(lg.level() >= 0 && lg.level() < 8 ? LEVELS[lg.level()] : Integer.toString(lg.level()));
            if ((lg.flags() & XtLog.TCPSEQ) != 0) sb.append(" tcp-sequence");
            if ((lg.flags() & XtLog.TCPOPT) != 0) sb.append(" tcp-options");
            if ((lg.flags() & XtLog.IPOPT) != 0) sb.append(" ip-options");
            if ((lg.flags() & XtLog.UID) != 0) sb.append(" uid");
            if ((lg.flags() & XtLog.MACDECODE) != 0) sb.append(" macdecode");
        }
        if (!lg.prefix().isEmpty()) sb.append(" prefix \"").append(lg.prefix()).append('"');
    }
}
