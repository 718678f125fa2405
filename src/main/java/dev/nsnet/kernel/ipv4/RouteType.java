package dev.nsnet.kernel.ipv4;

/** {@code RTN_*} route types, in kernel numbering order (ordinal == RTN value). */
public enum RouteType {
    UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE;

    /** The name iproute2 prints ("unicast", "local", ...). */
    public String iprouteName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
