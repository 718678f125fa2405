package dev.nsnet.world;

import dev.nsnet.kernel.core.SkBuff;

/**
 * One end of a {@link Cable}: a NIC's port or a switch port. Frames arrive as fresh buffers whose
 * ownership passes to the end; "powered" is what the other end senses as link (carrier).
 */
public interface LinkEnd {
    /** A frame arrived from the cable (skb.data at the Ethernet header); the end now owns it. */
    void receive(SkBuff skb);

    /** Whether this end drives the link (a NIC that is up, a switch port). */
    boolean powered();

    /** The far end's power changed: re-evaluate link. */
    void partnerChanged();

    /** How traces and {@code nsnet-world show} name this end ("router:eth0", "sw0 port 1"). */
    String label();

    Cable cable();

    void plug(Cable cable);
}
