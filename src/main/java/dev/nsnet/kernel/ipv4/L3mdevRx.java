package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;

/**
 * The receive-side l3mdev hooks of net/l3mdev/l3mdev.c that a device's upper driver installs on it
 * ({@code IFF_L3MDEV_RX_HANDLER}, used by ipvlan in l3s mode: drivers/net/ipvlan/ipvlan_l3s.c).
 * Found through the device's {@code rxHandlerData}.
 */
public interface L3mdevRx {
    /**
     * l3mdev_ip_rcv() from ip_rcv_finish(), after PRE_ROUTING: may route the packet itself (then
     * it also dispatches it and returns true); false lets the normal input route run.
     */
    boolean l3Rcv(SkBuff skb, NetDevice dev);

    /**
     * A LOCAL_IN netfilter hook of the device's namespace at the last priority (ipvlan_nf_input):
     * may move the packet to another device (whose namespace's sockets then receive it).
     *
     * @return the device the packet is delivered on ({@code skb.dev})
     */
    NetDevice nfLocalIn(SkBuff skb, NetDevice dev);
}
