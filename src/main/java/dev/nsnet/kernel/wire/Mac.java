package dev.nsnet.kernel.wire;

/** MAC addresses as 48-bit longs (no allocation on the data path) and their text form. */
public final class Mac {
    private Mac() { }

    public static final long BROADCAST = 0xffff_ffff_ffffL;
    public static final long ZERO = 0L;

    public static boolean isMulticast(long mac) { return ((mac >>> 40) & 1) != 0; }

    public static boolean isBroadcast(long mac) { return mac == BROADCAST; }

    public static boolean isValidUnicast(long mac) { return !isMulticast(mac) && mac != 0; }

    public static String format(long mac) {
        char[] c = new char[17];
        final String hex = "0123456789abcdef";
        for (int i = 0; i < 6; i++) {
            int v = (int) (mac >>> (40 - 8 * i)) & 0xff;
            c[i * 3] = hex.charAt(v >>> 4);
            c[i * 3 + 1] = hex.charAt(v & 15);
            if (i < 5) c[i * 3 + 2] = ':';
        }
        return new String(c);
    }

    /** Parses "aa:bb:cc:dd:ee:ff" (1-2 hex digits per byte, as iproute2 accepts); -1 on error. */
    public static long parse(String s) {
        String[] p = s.split(":", -1);
        if (p.length != 6) return -1;
        long v = 0;
        for (String x : p) {
            if (x.isEmpty() || x.length() > 2) return -1;
            int b;
            try { b = Integer.parseInt(x, 16); } catch (NumberFormatException e) { return -1; }
            v = (v << 8) | b;
        }
        return v;
    }
}
