package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtConntrack;

/** extensions/libxt_state.c: --state INVALID,NEW,RELATED,ESTABLISHED,UNTRACKED (required, invertible). */
final class LibxtState extends XtMatchExt {
    private int mask;
    private boolean invert, given;

    String name() { return "state"; }

    String[] options() { return new String[] {"state"}; }

    void parse(XtOpt o) {
        String v = o.arg();
        if (given) throw XtError.param("state: option \"--state\" can only be used once.\n");
        given = true;
        invert = o.invert;
        mask = LibxtConntrack.parseStates(v, 5, "state");
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (!given) throw XtError.param("state: option \"--state\" must be specified\n");
        return XtConntrack.state(mask, invert);
    }

    void save(StringBuilder sb, XtMatch m) {
        XtConntrack c = (XtConntrack) m;
        sb.append(c.inv() != 0 ? " ! --state " : " --state ");
        LibxtConntrack.states(sb, c.stateMask());
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtConntrack c = (XtConntrack) m;
        sb.append(c.inv() != 0 ? " ! state " : " state ");
        LibxtConntrack.states(sb, c.stateMask());
    }
}
