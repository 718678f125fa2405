package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.NetNamespace;
import java.util.EnumMap;
import java.util.Map;

/**
 * A namespace's netfilter state ({@code struct netns_nf} hook lists + {@code netns_xt} tables):
 * the tables that exist and, per hook, the tables registered there in priority order. It exists
 * from the first table write on ({@link #ensure}); before that the hook points see null and pass.
 */
public final class NetfilterNet {
    final NetNamespace ns;
    private final Map<XtTable.Kind, XtTable> tables = new EnumMap<>(XtTable.Kind.class);
    /** Per hook, the tables to traverse in ascending priority (nf_hook_entries). */
    final XtTable[][] hooks = new XtTable[NfHook.NUMHOOKS][];
    final int[][] hookPriorities = new int[NfHook.NUMHOOKS][];
    /**
     * Conntrack's hooks (nf_conntrack_in at NF_IP_PRI_CONNTRACK in PREROUTING/OUTPUT, confirm last in
     * POSTROUTING/INPUT): non-null while some rule needs tracking (NfConntrackCore.netnsGet/Put).
     */
    public dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet conntrack;

    private NetfilterNet(NetNamespace ns) {
        this.ns = ns;
        for (int h = 0; h < NfHook.NUMHOOKS; h++) {
            hooks[h] = new XtTable[0];
            hookPriorities[h] = new int[0];
        }
    }

    /** The namespace's state, or null while no table was ever written. */
    public static NetfilterNet of(NetNamespace ns) { return (NetfilterNet) ns.netfilter; }

    public static NetfilterNet ensure(NetNamespace ns) {
        NetfilterNet n = of(ns);
        if (n == null) {
            BrNetfilter.register();
            n = new NetfilterNet(ns);
            ns.netfilter = n;
        }
        return n;
    }

    /** The table if it exists (was written to) in this namespace. */
    public static XtTable table(NetNamespace ns, XtTable.Kind kind) {
        NetfilterNet n = of(ns);
        return n == null ? null : n.tables.get(kind);
    }

    /**
     * An empty, unregistered table of this kind: what listings show for a table that was never
     * written (iptables-nft prints its built-in chains with ACCEPT policies and zero counters).
     */
    public static XtTable phantom(XtTable.Kind kind) { return new XtTable(kind); }

    /** The table, created and registered at its hooks (xt_register_table) if it does not exist yet. */
    public static XtTable ensureTable(NetNamespace ns, XtTable.Kind kind) {
        NetfilterNet n = ensure(ns);
        XtTable t = n.tables.get(kind);
        if (t == null) {
            t = new XtTable(kind);
            t.ns = ns;
            n.tables.put(kind, t);
            for (int i = 0; i < kind.hooks.length; i++) n.register(kind.hooks[i], kind.priorities[i], t);
        }
        return t;
    }

    /**
     * Commits a table built off to the side ({@link XtTable#staging}): the live table takes its
     * chains in one swap (registered first if it did not exist); a staged table with nothing in it
     * leaves the namespace without that table (iptables-nft's restore deletes the table first).
     */
    public static void commit(NetNamespace ns, XtTable.Kind kind, XtTable staged) {
        if (!staged.populated()) {
            NetfilterNet n = of(ns);
            if (n != null && n.tables.containsKey(kind)) n.unregisterTable(kind);
            return;
        }
        ensureTable(ns, kind).replaceWith(staged);
    }

    /** xt_unregister_table(): the table leaves its hooks and the namespace. */
    private void unregisterTable(XtTable.Kind kind) {
        XtTable t = tables.remove(kind);
        t.release();
        for (int h = 0; h < NfHook.NUMHOOKS; h++) {
            XtTable[] old = hooks[h];
            int at = java.util.Arrays.asList(old).indexOf(t);
            if (at < 0) continue;
            XtTable[] nt = new XtTable[old.length - 1];
            int[] np = new int[old.length - 1];
            for (int i = 0, j = 0; i < old.length; i++) {
                if (i == at) continue;
                nt[j] = old[i];
                np[j++] = hookPriorities[h][i];
            }
            hooks[h] = nt;
            hookPriorities[h] = np;
        }
    }

    /** nf_register_net_hook(): inserts keeping ascending priority (equal priorities: registration order). */
    private void register(int hook, int prio, XtTable t) {
        XtTable[] old = hooks[hook];
        int[] op = hookPriorities[hook];
        int at = 0;
        while (at < old.length && op[at] <= prio) at++;
        XtTable[] nt = new XtTable[old.length + 1];
        int[] np = new int[op.length + 1];
        System.arraycopy(old, 0, nt, 0, at);
        System.arraycopy(op, 0, np, 0, at);
        nt[at] = t;
        np[at] = prio;
        System.arraycopy(old, at, nt, at + 1, old.length - at);
        System.arraycopy(op, at, np, at + 1, op.length - at);
        hooks[hook] = nt;
        hookPriorities[hook] = np;
    }
}
