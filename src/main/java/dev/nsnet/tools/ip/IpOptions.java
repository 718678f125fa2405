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
    /** -color: COLOR_NEVER (default), COLOR_AUTO (never a tty here, so no colour) or COLOR_ALWAYS. */
    public int color;
    public static final int COLOR_NEVER = 0, COLOR_AUTO = 1, COLOR_ALWAYS = 2;
    /** -human-readable / -iec counts. */
    public int human;
    public int iec;
    /** -all (ip -all netns exec). */
    public boolean all;
    /** -echo. */
    public boolean echo;
    /**
     * ipaddress.c's static do_link: set by {@code ip link show} and never reset, so later
     * {@code address} commands of the same {@code -batch} print their links like {@code ip link}.
     */
    public boolean doLink;
}
