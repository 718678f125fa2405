package dev.nsnet.kernel.core;

/** {@code struct rtnl_link_stats64}: the counters {@code ip -s link} prints. */
public final class DevStats {
    public long rxPackets, txPackets, rxBytes, txBytes, rxErrors, txErrors, rxDropped, txDropped,
            multicast, collisions, rxLengthErrors, rxOverErrors, rxCrcErrors, rxFrameErrors,
            rxFifoErrors, rxMissedErrors, txAbortedErrors, txCarrierErrors, txFifoErrors,
            txHeartbeatErrors, txWindowErrors, rxCompressed, txCompressed, rxNohandler;

    public void reset() {
        rxPackets = txPackets = rxBytes = txBytes = rxErrors = txErrors = rxDropped = txDropped = 0;
        multicast = collisions = rxNohandler = 0;
    }
}
