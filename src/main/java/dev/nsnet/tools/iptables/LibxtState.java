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
        mask = parse(v);
    }

    /**
     * state_parse_states(): element by element, but a bad one is reported with the rest of the
     * list from there ("SNAT,DNAT"), an empty element too (",NEW"); a trailing comma has its own message.
     */
    private static int parse(String v) {
        int m = 0;
        String rest = v;
        while (true) {
            int comma = rest.indexOf(',');
            if (comma < 0) break;
            if (comma == 0) throw XtError.param("Bad state \"" + rest + "\"");
            m |= one(rest.substring(0, comma), rest);
            rest = rest.substring(comma + 1);
        }
        if (rest.isEmpty()) {
            throw XtError.param("\"--state\" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED");
        }
        return m | one(rest, rest);
    }

    private static int one(String name, String rest) {
        for (int i = 0; i < 5; i++) {
            if (LibxtConntrack.STATE_NAMES[i].equalsIgnoreCase(name)) return LibxtConntrack.STATE_BITS[i];
        }
        throw XtError.param("Bad state \"" + rest + "\"");
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
