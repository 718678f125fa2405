package dev.nsnet.kernel.netfilter.conntrack;

/**
 * UDP tracking (net/netfilter/nf_conntrack_proto_udp.c {@code nf_conntrack_udp_packet()}):
 * nf_conntrack_udp_timeout (30 s) until both ways were seen; a packet more than two seconds after
 * the first one of a replied flow makes it a stream: nf_conntrack_udp_timeout_stream (120 s) and
 * ASSURED.
 */
final class NfConntrackProtoUdp {
    private NfConntrackProtoUdp() { }

    static final int IPPROTO_UDP = 17;
    private static final long STREAM_AFTER_NS = 2_000_000_000L;

    static int packet(NfConn ct, int ctinfo) {
        NfConntrackNet net = ct.net;
        long now = net.now();
        if (!ct.isConfirmed()) ct.udpStreamTs = now + STREAM_AFTER_NS;
        if ((ct.status & NfConn.IPS_SEEN_REPLY) != 0) {
            long extra = net.udpTimeout;
            boolean stream = false;
            if (now - ct.udpStreamTs > 0) {
                extra = net.udpTimeoutStream;
                stream = (ct.status & NfConn.IPS_ASSURED) == 0;
            }
            NfConntrackCore.refresh(ct, extra);
            if (stream) {
                ct.status |= NfConn.IPS_ASSURED;
                NfConntrackEvents.cache(ct, NfConntrackEvents.IPCT_ASSURED);
            }
        } else {
            NfConntrackCore.refresh(ct, net.udpTimeout);
        }
        return NfConntrackCore.ACCEPT;
    }
}
