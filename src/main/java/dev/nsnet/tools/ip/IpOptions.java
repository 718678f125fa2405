package dev.nsnet.tools.ip;

/**
 * The global options of {@code ip} (before the object), as iproute2 6.1's ip.c parses them.
 * Mutable while parsing, then treated as read-only by the object handlers.
 */
public final class IpOptions {
    /** AF_UNSPEC (0), AF_INET (2), AF_INET6 (10), AF_PACKET (17), AF_BRIDGE (7), AF_MPLS (28). */
    public int family;
    /** Number of -s given (show_stats). */
    public int stats;
    /** Number of -d given (show_details). */
    public int details;
    public boolean brief;
    public boolean json;
    public boolean pretty;
    public boolean oneline;
    public boolean resolveHosts;
    public boolean numeric;
    public boolean force;
    /** -n NAME: the namespace given (already entered by the dispatcher). */
    public String netns;
    public boolean timestamp;
    public int color;
}
