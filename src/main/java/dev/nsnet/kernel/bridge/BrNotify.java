package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetdevEvent;
import dev.nsnet.kernel.core.NetdevNotifier;

/**
 * net/bridge/br.c {@code br_device_event()}: how a bridge follows its ports — MTU, address,
 * carrier and up/down changes, and a port that goes away.
 */
final class BrNotify implements NetdevNotifier {
    static final BrNotify INSTANCE = new BrNotify();

    @Override
    public void event(NetdevEvent event, NetDevice dev) {
        if (event == NetdevEvent.UNREGISTER) DevAddrLists.forget(dev);
        NetBridge self = NetBridge.of(dev);
        if (self != null) {
            // The bridge device itself: an MTU change not made by br_mtu_auto_adjust is the user's.
            if (event == NetdevEvent.CHANGEMTU && !self.autoMtu) self.mtuSetByUser = true;
            return;
        }
        BrPort p = BrPort.of(dev);
        if (p == null) return;
        NetBridge br = p.br;
        switch (event) {
            case CHANGEMTU -> BrIf.mtuAutoAdjust(br);
            case CHANGEADDR -> {
                BrFdb.changeAddr(p, dev.mac);
                if (BrStp.recalculateBridgeId(br)) bridgeAddrChanged(br);
            }
            case CHANGE -> BrStp.carrierCheck(p);
            case DOWN -> {
                if (br.dev.isUp() && p.state != BrPort.DISABLED) BrStp.disablePort(p);
            }
            case UP -> {
                if (br.dev.isUp() && BrStp.portCanRun(dev) && p.state == BrPort.DISABLED) BrStp.enablePort(p);
            }
            case UNREGISTER -> BrIf.delIf(br, dev);
            default -> { }
        }
    }

    /** call_netdevice_notifiers(NETDEV_CHANGEADDR, br->dev) after the bridge took a port's address. */
    static void bridgeAddrChanged(NetBridge br) {
        for (var n : br.dev.host().notifiers()) n.event(NetdevEvent.CHANGEADDR, br.dev);
    }
}
