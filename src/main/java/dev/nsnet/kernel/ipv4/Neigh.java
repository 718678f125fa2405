package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.sched.Timer;
import dev.nsnet.kernel.wire.Inet4;
import java.util.ArrayDeque;

/**
 * One neighbour entry ({@code struct neighbour}, include/net/neighbour.h) of the ARP table: the
 * IPv4 address on a device, its link-layer address, NUD state, the timestamps {@code ip -s neigh}
 * shows (virtual ns) and the queue of packets waiting for resolution ({@code arp_queue}).
 */
public final class Neigh {
    public final NeighTable tbl;
    public final NetDevice dev;
    public final int key;
    public final NeighParms parms;
    public long ha;
    public int nudState;
    /** NTF_* flags (NTF_PROXY, NTF_ROUTER ... only what ip neigh shows). */
    public int flags;
    public long used, confirmed, updated;
    public int probes;
    /** Users holding the entry (a route's cached next hop); what {@code ip -s neigh} prints as ref. */
    public int refcnt;
    public boolean dead;
    /** Creation order, for stable dumps. */
    long seq;
    final Timer timer;
    /** Packets waiting while INCOMPLETE, and their accounted size (arp_queue_len_bytes). */
    final ArrayDeque<SkBuff> arpQueue = new ArrayDeque<>(4);
    int arpQueueLenBytes;

    Neigh(NeighTable tbl, NetDevice dev, int key, NeighParms parms) {
        this.tbl = tbl;
        this.dev = dev;
        this.key = key;
        this.parms = parms;
        this.timer = tbl.ns.emulation().scheduler.newTimer(() -> tbl.timerHandler(this));
    }

    public boolean valid() { return (nudState & NeighState.VALID) != 0; }

    public boolean connected() { return (nudState & NeighState.CONNECTED) != 0; }

    @Override
    public String toString() {
        return dev.name + "/" + Inet4.format(key) + " " + NeighState.name(nudState);
    }
}
