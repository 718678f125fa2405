package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;

/**
 * What a match or target sees besides the packet (include/linux/netfilter/x_tables.h
 * {@code struct xt_action_param}): the hook, the in/out devices, the namespace, the offsets of the
 * IP and transport headers and the fragment offset, filled once per table walk by
 * {@link IptDoTable}; a match may set {@code hotdrop} to drop the packet at once. One instance per
 * walk depth of a table, reused (no allocation per packet).
 */
public final class XtActionParam {
    public NetNamespace net;
    public NetDevice in, out;
    /** NfHook.PRE_ROUTING .. POST_ROUTING. */
    public int hook;
    /** The table's name ("filter", "mangle", ...), as xt_action_param's table. */
    public String table;
    /** Offset of the IPv4 header in skb.buf, of the transport header, and the fragment offset in bytes. */
    public int nh, thoff, fragoff;
    /** A match's request to drop the packet (par->hotdrop). */
    public boolean hotdrop;
    /** The walk's emulation tracer is on (targets that rewrite may describe what they did). */
    public boolean tracing;
}
