package dev.nsnet.kernel.wire;

/** IPv4 addresses as ints in host order of the dotted quad (a.b.c.d = a<<24|...). */
public final class Inet4 {
    private Inet4() { }

    public static String format(int a) {
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    public static int mask(int prefixLen) { return prefixLen == 0 ? 0 : -1 << (32 - prefixLen); }

    /**
     * Parses a dotted quad strictly (4 parts, 0-255); returns null when it is not one.
     * (iproute2's get_addr accepts fewer parts, e.g. "10" or "10.1"; see {@link #parseLoose}.)
     */
    public static Integer parse(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) return null;
        return parts(p);
    }

    /** inet_aton-like parsing as iproute2's get_addr_1 does for "10", "10.1", "10.1.2" forms. */
    public static Integer parseLoose(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length < 1 || p.length > 4) return null;
        Integer v = parts(p);
        if (v == null) return null;
        return v << (8 * (4 - p.length));
    }

    private static Integer parts(String[] p) {
        int v = 0;
        for (String x : p) {
            if (x.isEmpty() || x.length() > 3) return null;
            for (int i = 0; i < x.length(); i++) if (!Character.isDigit(x.charAt(i))) return null;
            int n = Integer.parseInt(x);
            if (n > 255) return null;
            v = (v << 8) | n;
        }
        return v;
    }

    public static boolean isMulticast(int a) { return (a >>> 28) == 0xe; }

    public static boolean isLoopback(int a) { return (a >>> 24) == 127; }

    public static boolean isZeronet(int a) { return (a >>> 24) == 0; }

    public static boolean isLbcast(int a) { return a == -1; }
}
