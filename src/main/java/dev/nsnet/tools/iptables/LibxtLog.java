package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.XtLog;

/**
 * extensions/libxt_LOG.c: --log-level (0-7 or a syslog name), --log-prefix (cut to 29
 * characters), --log-tcp-sequence, --log-tcp-options, --log-ip-options, --log-uid, --log-macdecode;
 * each once, none invertible.
 */
final class LibxtLog extends XtTargetExt {
    int level = 4, flags;
    String prefix = "";

    String name() { return "LOG"; }

    private static final Spec[] SPEC = {
        new Spec("log-level", 0, 0), new Spec("log-prefix", 1, 0), new Spec("log-tcp-sequence", 2, 0),
        new Spec("log-tcp-options", 3, 0), new Spec("log-ip-options", 4, 0), new Spec("log-uid", 5, 0),
        new Spec("log-macdecode", 6, 0),
    };

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        switch (o.name) {
            case "log-level" -> level = parseLogLevel(o.arg());
            case "log-prefix" -> {
                // XTTYPE_STRING, min 1, stored in char prefix[30]: longer ones are cut to 29.
                String p = o.arg();
                if (p.isEmpty()) throw XtError.param("Argument must have a minimum length of 1 characters\n");
                if (p.length() > 29) p = p.substring(0, 29);
                if (p.indexOf('\n') >= 0) throw XtError.param("Newlines not allowed in --log-prefix");
                prefix = p;
            }
            case "log-tcp-sequence" -> flags |= XtLog.TCPSEQ;
            case "log-tcp-options" -> flags |= XtLog.TCPOPT;
            case "log-ip-options" -> flags |= XtLog.IPOPT;
            case "log-uid" -> flags |= XtLog.UID;
            default -> flags |= XtLog.MACDECODE;
        }
    }

    /** XTTYPE_SYSLOGLEVEL: 0-7 (any base) or one of syslog's names. */
    static int parseLogLevel(String s) {
        long n = parseU32(s);
        if (n >= 0 && n <= 7) return (int) n;
        return switch (s) {
            case "alert" -> 1;
            case "crit" -> 2;
            case "debug" -> 7;
            case "emerg", "panic" -> 0;
            case "error" -> 3;
            case "info" -> 6;
            case "notice" -> 5;
            case "warning" -> 4;
            default -> throw XtError.param("log level \"" + s + "\" unknown\n");
        };
    }

    XtTarget finalCheck(XtRuleCtx ctx) { return new XtLog(level, prefix, flags); }

    void save(StringBuilder sb, XtTarget t) {
        XtLog lg = (XtLog) t;
        if (!lg.prefix().isEmpty()) {
            sb.append(" --log-prefix");
            IptFormat.saveString(sb, lg.prefix());
        }
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
            if (lg.level() >= 0 && lg.level() < 8) sb.append(" LOG level ").append(LEVELS[lg.level()]);
            else sb.append(" LOG UNKNOWN level ").append(lg.level());
            if ((lg.flags() & XtLog.TCPSEQ) != 0) sb.append(" tcp-sequence");
            if ((lg.flags() & XtLog.TCPOPT) != 0) sb.append(" tcp-options");
            if ((lg.flags() & XtLog.IPOPT) != 0) sb.append(" ip-options");
            if ((lg.flags() & XtLog.UID) != 0) sb.append(" uid");
            if ((lg.flags() & XtLog.MACDECODE) != 0) sb.append(" macdecode");
        }
        if (!lg.prefix().isEmpty()) sb.append(" prefix \"").append(lg.prefix()).append('"');
    }
}
