package dev.nsnet.kernel.core;

/** A {@code packet_type} handler ({@code ip_rcv}, {@code arp_rcv}) for one ethertype. */
@FunctionalInterface
public interface PacketHandler {
    void receive(SkBuff skb, NetDevice dev);
}
