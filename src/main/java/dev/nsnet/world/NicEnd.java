package dev.nsnet.world;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.drivers.PhysNic;

/** The NIC side of a cable: the PHY's {@link PhysNic.Medium} on one side, a {@link LinkEnd} on the other. */
final class NicEnd implements LinkEnd, PhysNic.Medium {
    final NetDevice dev;
    private Cable cable;

    NicEnd(NetDevice dev) { this.dev = dev; }

    @Override public void receive(SkBuff skb) { PhysNic.receive(dev, skb); }

    @Override public boolean powered() { return PhysNic.powered(dev); }

    @Override public void partnerChanged() { PhysNic.updateCarrier(dev); }

    @Override public String label() { return World.nicLabel(dev); }

    @Override public Cable cable() { return cable; }

    @Override public void plug(Cable c) { this.cable = c; }

    @Override public void xmit(NetDevice d, SkBuff skb) { if (cable != null) cable.send(this, skb); }

    @Override public boolean partnerPowered(NetDevice d) { return cable != null && !cable.isCut() && cable.other(this).powered(); }

    @Override public void powerChanged(NetDevice d) { if (cable != null && !cable.isCut()) cable.other(this).partnerChanged(); }

    @Override public String describe(NetDevice d) { return cable == null ? "nothing" : cable.other(this).label(); }
}
