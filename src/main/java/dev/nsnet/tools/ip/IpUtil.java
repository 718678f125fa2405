package dev.nsnet.tools.ip;

/**
 * Small parsers of iproute2's lib/utils.c with their exact acceptance rules ({@code matches},
 * {@code get_integer}, {@code get_unsigned}, {@code check_ifname}, {@code ll_addr_a2n}).
 */
public final class IpUtil {
    /**
     * ll_name_to_index() without a link cache: an RTM_GETLINK request by name, whose answer
     * (rtnl_fill_ifinfo) allocates the id of the device's link namespace as a side effect.
     */
    public static dev.nsnet.kernel.core.NetDevice llNameToIndex(dev.nsnet.kernel.core.NetNamespace ns, String name) {
        dev.nsnet.kernel.core.NetDevice d = ns.dev(name);
        if (d != null) dev.nsnet.kernel.core.RtnlLink.fillLinkNetnsid(d);
        return d;
    }

    /** ll_init_map(): a dump of every link, which allocates the ids of all their link namespaces. */
    public static void llInitMap(dev.nsnet.kernel.core.NetNamespace ns) {
        for (dev.nsnet.kernel.core.NetDevice d : ns.devices()) dev.nsnet.kernel.core.RtnlLink.fillLinkNetnsid(d);
    }

    private IpUtil() { }

    /** matches(prefix, word) == 0: {@code arg} is a non-empty prefix of {@code word}. */
    public static boolean matches(String arg, String word) {
        return !arg.isEmpty() && word.startsWith(arg);
    }

    /** strtol/strtoul with base 0 over the whole string (leading blanks and sign allowed); null on failure. */
    static Long strtol(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        int base = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            base = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            base = 8;
        }
        if (i >= n) return null;
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        int start = i;
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0) return null;
            v = v.multiply(java.math.BigInteger.valueOf(base)).add(java.math.BigInteger.valueOf(d));
            if (v.bitLength() > 64) return null;
        }
        if (i == start) return null;
        if (neg) v = v.negate();
        if (v.bitLength() > 63) return null;
        return v.longValue();
    }

    /** get_integer(): an int, or null when invalid. */
    public static Integer getInteger(String s) {
        Long v = strtol(s);
        if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) return null;
        return v.intValue();
    }

    /** get_unsigned(): 0..UINT_MAX as a long, or null (a leading '-' wraps like strtoul, then fails range). */
    public static Long getUnsigned(String s) {
        Long v = strtol(s);
        if (v == null || v < 0 || v > 0xffffffffL) return null;
        return v;
    }

    /** check_ifname(): true when valid. */
    public static boolean checkIfname(String name) {
        return name.length() < 16 && checkAltIfname(name);
    }

    public static boolean checkAltIfname(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ' ' || (c >= '\t' && c <= '\r')) return false;
        }
        return true;
    }

    /**
     * ll_addr_a2n(): "aa:bb:..." into bytes (sscanf "%x" per field: hex digits after optional
     * blanks and "0x"); throws IpError "\"X\" is invalid lladdr." (status 1) on failure.
     */
    public static byte[] llAddr(String arg) {
        if (arg.indexOf('.') >= 0) {
            String[] q = arg.split("\\.", -1);
            byte[] b = new byte[4];
            if (q.length != 4) throw new IpError("\"" + arg + "\" is invalid lladdr.\n", 1);
            for (int i = 0; i < 4; i++) {
                Integer v = q[i].matches("[0-9]{1,3}") ? Integer.valueOf(q[i]) : null;
                if (v == null || v > 255) throw new IpError("\"" + arg + "\" is invalid lladdr.\n", 1);
                b[i] = (byte) (int) v;
            }
            return b;
        }
        String[] parts = arg.split(":", -1);
        int cnt = Math.min(parts.length, 32);
        byte[] out = new byte[cnt];
        for (int i = 0; i < cnt; i++) {
            String p = parts[i];
            int j = 0;
            while (j < p.length() && Character.isWhitespace(p.charAt(j))) j++;
            if (j + 1 < p.length() && p.charAt(j) == '0' && (p.charAt(j + 1) == 'x' || p.charAt(j + 1) == 'X')
                    && j + 2 < p.length() && Character.digit(p.charAt(j + 2), 16) >= 0) j += 2;
            int k = j;
            long v = 0;
            while (k < p.length() && Character.digit(p.charAt(k), 16) >= 0 && v <= 0xffffffffL) {
                v = v * 16 + Character.digit(p.charAt(k), 16);
                k++;
            }
            if (k == j || v > 255) throw new IpError("\"" + p + "\" is invalid lladdr.\n", 1);
            out[i] = (byte) v;
        }
        return out;
    }

    public static long macOf(byte[] b) {
        long m = 0;
        for (byte x : b) m = (m << 8) | (x & 0xff);
        return m;
    }
}
