package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.SkBuff;

/** drivers/net/loopback.c: every frame sent comes straight back in on the same device. */
public final class Loopback extends NetDeviceOps {
    public static final Loopback OPS = new Loopback();

    public static NetDevice create() {
        NetDevice lo = new NetDevice("lo", OPS);
        lo.type = If.ARPHRD_LOOPBACK;
        lo.flags = If.IFF_LOOPBACK;
        lo.mtu = 65536;
        lo.mac = 0;
        lo.broadcast = 0;
        return lo;
    }

    @Override public String kind() { return null; }

    @Override public int minMtu() { return 0; }

    @Override public int maxMtu() { return 0; }

    @Override public boolean netnsLocal() { return true; }

    @Override
    /** loopback_xmit(): the length is taken after eth_type_trans() pulled the Ethernet header. */
    public void xmit(NetDevice dev, SkBuff skb) {
        Dev.ethTypeTrans(skb, dev);
        int len = skb.len;
        dev.stats.txPackets++;
        dev.stats.txBytes += len;
        dev.stats.rxPackets++;
        dev.stats.rxBytes += len;
        skb.iif = 0;
        Dev.netifRx(skb);
    }
}
