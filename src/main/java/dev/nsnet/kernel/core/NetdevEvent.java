package dev.nsnet.kernel.core;

/** Netdevice notifier events ({@code NETDEV_*} of include/linux/netdevice.h). */
public enum NetdevEvent {
    REGISTER, UNREGISTER, UP, GOING_DOWN, DOWN, CHANGE, CHANGEMTU, CHANGEADDR, CHANGENAME,
    PRE_UP, CHANGEUPPER, CHANGELOWERSTATE
}
