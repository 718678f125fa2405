package dev.nsnet.kernel.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A namespace's view of {@code /proc/sys/net}: entries keyed by their path with slashes
 * ("net/ipv4/ip_forward"), in the name order the kernel's sysctl rbtree lists them.
 */
public final class Sysctl {
    /** One {@code ctl_table} entry. */
    public record Entry(String path, Supplier<String> get, Consumer<String> set, boolean writable) { }

    private final TreeMap<String, Entry> entries = new TreeMap<>();

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

    public Entry get(String path) { return entries.get(path); }

    /** Whether {@code path} names a directory (some entry lies below it). */
    public boolean isDirectory(String path) {
        String p = path.endsWith("/") ? path : path + "/";
        String k = entries.ceilingKey(p);
        return k != null && k.startsWith(p);
    }

    public Map<String, Entry> all() { return entries; }
}
