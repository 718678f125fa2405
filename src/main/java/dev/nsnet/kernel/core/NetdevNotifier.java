package dev.nsnet.kernel.core;

/** A {@code notifier_block} on the netdevice chain (register_netdevice_notifier). */
@FunctionalInterface
public interface NetdevNotifier {
    void event(NetdevEvent event, NetDevice dev);
}
