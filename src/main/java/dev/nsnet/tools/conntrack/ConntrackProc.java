package dev.nsnet.tools.conntrack;

import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;

/** /proc/net/nf_conntrack (nf_conntrack_standalone.c ct_seq_show()): one line per entry. */
public final class ConntrackProc {
    private ConntrackProc() { }

    public static String show(NfConntrackNet net) {
        StringBuilder sb = new StringBuilder();
        long now = net.now();
        for (NfConn ct : net.entries()) {
            sb.append(ConntrackFormat.line(ct, ConntrackFormat.PROC, ct.timeoutSeconds(now), null)).append('\n');
        }
        return sb.toString();
    }
}
