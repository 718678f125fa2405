package dev.nsnet.kernel.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A namespace's view of {@code /proc/sys/net}: entries keyed by their path with slashes
 * ("net/ipv4/ip_forward"), in the name order the kernel's sysctl rbtree lists them.
 *
 * <p>Two ways to provide entries. {@link #register} adds one entry with its own closures (fine for
 * a handful of per-namespace knobs). {@link #mount} attaches a shared {@link Table} - the
 * {@code ctl_table} schema, built once for the whole emulation - to a directory whose instances
 * (a namespace's {@code Ipv4Net}, each device's {@code in_device} ...) are looked up on access.
 * Mounted entries cost nothing per namespace or device until someone reads them, which is what
 * keeps a pod's memory small: the kernel spends ~330 KiB on a netns, nsnet must not.
 */
public final class Sysctl {
    /** One {@code ctl_table} entry as seen at a path. */
    public record Entry(String path, Supplier<String> get, Consumer<String> set, boolean writable) { }

    /** One field of a {@link Table}: read and (optionally) write it on an instance. */
    public record Field<T>(String name, Function<T, String> get, BiConsumer<T, String> set) { }

    /** A {@code ctl_table} schema shared by every instance of a directory. */
    public static final class Table<T> {
        private final Map<String, Field<T>> fields = new LinkedHashMap<>();

        public Table<T> add(String name, Function<T, String> get, BiConsumer<T, String> set) {
            fields.put(name, new Field<>(name, get, set));
            return this;
        }

        /** An integer field with an inclusive range (EINVAL outside it, as proc_dointvec_minmax). */
        public Table<T> addInt(String name, java.util.function.ToIntFunction<T> get,
                               java.util.function.ObjIntConsumer<T> set, int min, int max) {
            return add(name, t -> Integer.toString(get.applyAsInt(t)), set == null ? null : (t, v) -> {
                int n = parseInt(v);
                if (n < min || n > max) throw new KernelException(Errno.EINVAL);
                set.accept(t, n);
            });
        }

        public Field<T> field(String name) { return fields.get(name); }

        public java.util.Collection<Field<T>> fields() { return fields.values(); }
    }

    /** A table mounted on a directory: either one instance, or one per name below the directory. */
    private record Mount<T>(String prefix, Table<T> table, Function<String, T> lookup,
                            Supplier<? extends Iterable<String>> names, T single) {
        Entry entry(String path, String rest) {
            T inst;
            String fname;
            if (names == null) {
                inst = single;
                fname = rest;
            } else {
                int slash = rest.indexOf('/');
                if (slash <= 0) return null;
                inst = lookup.apply(rest.substring(0, slash));
                fname = rest.substring(slash + 1);
            }
            if (inst == null) return null;
            Field<T> f = table.field(fname);
            if (f == null) return null;
            final T target = inst;
            // a null getter is a write-only file (route/flush): reads give nothing
            return new Entry(path, f.get() == null ? null : () -> f.get().apply(target),
                    f.set() == null ? null : v -> f.set().accept(target, v), f.set() != null);
        }

        void list(List<String> out) {
            if (names == null) {
                for (Field<T> f : table.fields()) out.add(prefix + f.name());
            } else {
                for (String n : names.get()) {
                    if (lookup.apply(n) == null) continue;
                    for (Field<T> f : table.fields()) out.add(prefix + n + "/" + f.name());
                }
            }
        }
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private final List<Mount<?>> mounts = new ArrayList<>(4);

    public void register(String path, Supplier<String> get, Consumer<String> set) {
        entries.put(path, new Entry(path, get, set, set != null));
    }

    /** Registers an integer entry backed by a getter/setter with an inclusive range. */
    public void registerInt(String path, java.util.function.IntSupplier get, java.util.function.IntConsumer set,
                            int min, int max) {
        register(path, () -> Integer.toString(get.getAsInt()), set == null ? null : v -> {
            int n = parseInt(v);
            if (n < min || n > max) throw new KernelException(Errno.EINVAL);
            set.accept(n);
        });
    }

    /** Mounts {@code table} at directory {@code prefix} (ending in '/') for one instance. */
    public <T> void mount(String prefix, Table<T> table, T instance) {
        mounts.add(new Mount<>(prefix, table, null, null, instance));
    }

    /**
     * Mounts {@code table} once per name below {@code prefix} ("net/ipv4/conf/" + DEV + "/" + field):
     * {@code lookup} finds the instance for a name (null: no such directory), {@code names} lists them.
     */
    public <T> void mountPerName(String prefix, Table<T> table, Function<String, T> lookup,
                                 Supplier<? extends Iterable<String>> names) {
        mounts.add(new Mount<>(prefix, table, lookup, names, null));
    }

    public static int parseInt(String v) {
        String s = v.trim();
        try {
            long n = Long.parseLong(s);
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw new KernelException(Errno.EINVAL);
            return (int) n;
        } catch (NumberFormatException e) {
            throw new KernelException(Errno.EINVAL);
        }
    }

    public void unregisterPrefix(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    public Entry get(String path) {
        Entry e = entries.get(path);
        if (e != null) return e;
        for (Mount<?> m : mounts) {
            if (path.startsWith(m.prefix())) {
                Entry me = m.entry(path, path.substring(m.prefix().length()));
                if (me != null) return me;
            }
        }
        return null;
    }

    /** Whether {@code path} names a directory (some entry lies below it). */
    public boolean isDirectory(String path) {
        String p = path.endsWith("/") ? path : path + "/";
        String k = entries.ceilingKey(p);
        if (k != null && k.startsWith(p)) return true;
        for (Mount<?> m : mounts) {
            if (m.prefix().startsWith(p)) return true;
            if (p.startsWith(m.prefix())) {
                List<String> all = new ArrayList<>();
                m.list(all);
                for (String s : all) if (s.startsWith(p)) return true;
            }
        }
        return false;
    }

    /** Every entry, in path order (built on demand; listing is not a hot path). */
    public Map<String, Entry> all() {
        if (mounts.isEmpty()) return Collections.unmodifiableMap(entries);
        TreeMap<String, Entry> out = new TreeMap<>(entries);
        List<String> paths = new ArrayList<>();
        for (Mount<?> m : mounts) m.list(paths);
        for (String p : paths) {
            Entry e = get(p);
            if (e != null) out.putIfAbsent(p, e);
        }
        return out;
    }
}
