package dev.nsnet.tools.ip;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code print_help} texts of link kinds iproute2 knows but nsnet has no driver for
 * ({@code ip link help KIND}, and for the kinds whose parser explains itself,
 * {@code ip link add|set ... type KIND ... help}). Texts as the recording host printed them.
 */
final class IpLinkKindHelp {
    private IpLinkKindHelp() { }

    private static final Map<String, String> HELP = new TreeMap<>();

    /** Kinds whose parse_opt prints the help and fails on a "help" word (exit status 1). */
    private static final java.util.Set<String> PARSE_HELP = java.util.Set.of("vlan", "macvlan", "vxlan");

    static {
        HELP.put("dummy", "Usage: ... dummy\n");
        HELP.put("vlan", "Usage: ... vlan id VLANID\n\t\t[ protocol VLANPROTO ]\n\t\t[ reorder_hdr { on | off } ]\n\t\t[ gvrp { on | off } ]\n\t\t[ mvrp { on | off } ]\n\t\t[ loose_binding { on | off } ]\n\t\t[ bridge_binding { on | off } ]\n\t\t[ ingress-qos-map QOS-MAP ]\n\t\t[ egress-qos-map QOS-MAP ]\n\nVLANID := 0-4095\nVLANPROTO: [ 802.1Q | 802.1ad ]\nQOS-MAP := [ QOS-MAP ] QOS-MAPPING\nQOS-MAPPING := FROM:TO\n");
        HELP.put("macvlan", "Usage: ... macvlan mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]\n\nMODE: private | vepa | bridge | passthru | source\nMODE_FLAG: null | nopromisc | nodst\nMODE_OPTS: for mode \"source\":\n\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }\nBC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]\n");
        HELP.put("vxlan", "Usage: ... vxlan id VNI\n\t\t[ { group | remote } IP_ADDRESS ]\n\t\t[ local ADDR ]\n\t\t[ ttl TTL ]\n\t\t[ tos TOS ]\n\t\t[ df DF ]\n\t\t[ flowlabel LABEL ]\n\t\t[ dev PHYS_DEV ]\n\t\t[ dstport PORT ]\n\t\t[ srcport MIN MAX ]\n\t\t[ [no]learning ]\n\t\t[ [no]proxy ]\n\t\t[ [no]rsc ]\n\t\t[ [no]l2miss ]\n\t\t[ [no]l3miss ]\n\t\t[ ageing SECONDS ]\n\t\t[ maxaddress NUMBER ]\n\t\t[ [no]udpcsum ]\n\t\t[ [no]udp6zerocsumtx ]\n\t\t[ [no]udp6zerocsumrx ]\n\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n\t\t[ [no]external ] [ gbp ] [ gpe ]\n\t\t[ [no]vnifilter ]\n\nWhere:\tVNI\t:= 0-16777215\n\tADDR\t:= { IP_ADDRESS | any }\n\tTOS\t:= { NUMBER | inherit }\n\tTTL\t:= { 1..255 | auto | inherit }\n\tDF\t:= { unset | set | inherit }\n\tLABEL := 0-1048575\n");
    }

    /** The help of {@code kind}, or null. */
    static String help(String kind) { return HELP.get(kind); }

    /** {@code type KIND ... help ...} of a kind whose parser explains itself: its help, exit 1. */
    static IpError parseHelp(String kind, java.util.List<String> kindArgs) {
        if (!PARSE_HELP.contains(kind)) return null;
        for (String w : kindArgs) if (IpUtil.matches(w, "help")) return new IpError(HELP.get(kind), 1);
        return null;
    }
}
