package dev.nsnet.tools.ip;

import dev.nsnet.kernel.wire.Inet4;

/**
 * The address, prefix and name-table helpers that {@code ip address}, {@code ip route} and
 * {@code ip rule} share (iproute2 lib/utils.c get_prefix/get_addr and lib/rt_names.c), with their
 * exact acceptance rules and error texts.
 */
public final class IpRouteUtil {
    private IpRouteUtil() { }

    public static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10, AF_PACKET = 17;

    /** iproute2's inet_prefix for IPv4 (IPv6 is recognised only to be refused). */
    public static final class Prefix {
        public int family;
        public int addr;
        /** -1: no prefix length (a host address), -2: "default"/"any"/"all". */
        public int bitlen;
        public int bytelen;
        public boolean lenSpecified;
        /** "default" rather than "any"/"all". */
        public boolean isDefault;

        public int len() { return bitlen < 0 ? 32 : bitlen; }
    }

    /** strtoul(s, &end, 0) over a whole part: decimal, 0x hex or 0 octal; -1 when not a number. */
    static long strtoul(String s) {
        if (s.isEmpty()) return -1;
        int base = 10, i = 0;
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            base = 16;
            i = 2;
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            base = 8;
            i = 1;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0) return -1;
            v = v * base + d;
            if (v > 0xffffffffL) return Long.MAX_VALUE;
        }
        return v;
    }

    /** get_addr_ipv4(): 1 to 4 dotted parts (left-aligned: "10" is 10.0.0.0), each 0..255. */
    static Integer addrIpv4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length > 4) return null;
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int n = 0;
            if (i < p.length) {
                long x = strtoul(p[i]);
                if (x < 0 || x > 255) return null;
                n = (int) x;
            }
            v = (v << 8) | n;
        }
        return v;
    }

    /** get_addr_1(); null when invalid. */
    public static Prefix getAddr1(String name, int family) {
        Prefix a = new Prefix();
        if (name.equals("default") || name.equals("all") || name.equals("any")) {
            a.family = family;
            a.bytelen = name.equals("default") && family == AF_INET ? 4 : 0;
            a.bitlen = -2;
            a.isDefault = name.equals("default");
            if (a.isDefault) a.lenSpecified = true;
            return a;
        }
        if (name.indexOf(':') >= 0) {
            a.family = AF_INET6;
            if (family != AF_UNSPEC && family != AF_INET6) return null;
            throw new IpError("nsnet: IPv6 addresses are not supported (\"" + name + "\")\n", 2);
        }
        if (family != AF_UNSPEC && family != AF_INET) return null;
        Integer v = addrIpv4(name);
        if (v == null) return null;
        a.family = AF_INET;
        a.addr = v;
        a.bytelen = 4;
        a.bitlen = -1;
        return a;
    }

    /** get_prefix_1(); null when invalid. */
    public static Prefix getPrefix1(String arg, int family) {
        int slash = arg.indexOf('/');
        Prefix p = getAddr1(slash >= 0 ? arg.substring(0, slash) : arg, family);
        if (p == null) return null;
        int bitlen = p.family == AF_INET ? 32 : 0;
        if (slash >= 0) {
            if (p.bitlen == -2) return null;
            Integer plen = netmask(arg.substring(slash + 1));
            if (plen == null || plen > bitlen) return null;
            p.lenSpecified = true;
            bitlen = plen;
        } else if (p.bitlen == -2) {
            bitlen = 0;
        }
        p.bitlen = bitlen;
        return p;
    }

    /** get_netmask(): a length ("24") or a dotted mask ("255.255.255.0"). */
    static Integer netmask(String s) {
        long v = IpUtil.getUnsigned(s) == null ? -1 : IpUtil.getUnsigned(s);
        if (v >= 0) return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
        if (s.indexOf('.') < 0) return null;
        Integer m = addrIpv4(s);
        if (m == null) return null;
        int bits = Integer.bitCount(m);
        if (m != Inet4.mask(bits)) return null;
        return bits;
    }

    static String familyVerbose(int family) {
        return switch (family) {
            case AF_UNSPEC -> "any valid";
            case AF_INET -> "inet";
            case AF_INET6 -> "inet6";
            case AF_PACKET -> "link";
            default -> "???";
        };
    }

    /** get_prefix(): exits 1 with iproute2's message when invalid. */
    public static Prefix getPrefix(String arg, int family) {
        if (family == AF_PACKET) {
            throw new IpError("Error: \"" + arg + "\" may be inet prefix, but it is not allowed in this context.\n", 1);
        }
        Prefix p = getPrefix1(arg, family);
        if (p == null) {
            throw new IpError("Error: " + familyVerbose(family) + " prefix is expected rather than \"" + arg + "\".\n", 1);
        }
        return p;
    }

    /** get_addr(): exits 1 with iproute2's message when invalid. */
    public static Prefix getAddr(String arg, int family) {
        Prefix p = getAddr1(arg, family);
        if (p == null) {
            throw new IpError("Error: " + familyVerbose(family) + " address is expected rather than \"" + arg + "\".\n", 1);
        }
        return p;
    }

    // ------------------------------------------------------------------ rt_names

    /** rtnl_rtscope_n2a(). */
    public static String scopeName(int scope) {
        return switch (scope) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(scope);
        };
    }

    /** rtnl_rtscope_a2n(); null when unknown. */
    public static Integer scopeValue(String s) {
        switch (s) {
            case "global": return 0;
            case "site": return 200;
            case "link": return 253;
            case "host": return 254;
            case "nowhere": return 255;
            default:
        }
        Long v = IpUtil.getUnsigned(s);
        return v == null || v > 255 ? null : v.intValue();
    }

    /** rtnl_rttable_n2a(). */
    public static String tableName(int id) {
        return switch (id) {
            case 255 -> "local";
            case 254 -> "main";
            case 253 -> "default";
            case 0 -> "unspec";
            default -> Integer.toUnsignedString(id);
        };
    }

    /** rtnl_rttable_a2n(); null when unknown. */
    public static Long tableValue(String s) {
        switch (s) {
            case "local": return 255L;
            case "main": return 254L;
            case "default": return 253L;
            case "unspec": return 0L;
            default:
        }
        return IpUtil.getUnsigned(s);
    }

    private static final String[] PROTOS = new String[256];
    static {
        String[] p = {"0", "unspec", "1", "redirect", "2", "kernel", "3", "boot", "4", "static", "8", "gated", "9", "ra",
                "10", "mrt", "11", "zebra", "12", "bird", "13", "dnrouted", "14", "xorp", "15", "ntk", "16", "dhcp",
                "18", "keepalived", "42", "babel", "99", "openr", "186", "bgp", "187", "isis", "188", "ospf",
                "189", "rip", "192", "eigrp"};
        for (int i = 0; i < p.length; i += 2) PROTOS[Integer.parseInt(p[i])] = p[i + 1];
    }

    /** rtnl_rtprot_n2a(). */
    public static String protoName(int proto) {
        String n = proto >= 0 && proto < 256 ? PROTOS[proto] : null;
        return n != null ? n : Integer.toString(proto);
    }

    /** rtnl_rtprot_a2n(); null when unknown. */
    public static Integer protoValue(String s) {
        for (int i = 0; i < 256; i++) if (s.equals(PROTOS[i])) return i;
        Long v = IpUtil.getUnsigned(s);
        return v == null || v > 255 ? null : v.intValue();
    }

    /** fnmatch(pattern, s, 0) for * ? and [...] classes. */
    public static boolean fnmatch(String pat, String s) {
        return fnm(pat, 0, s, 0);
    }

    private static boolean fnm(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) if (fnm(p, pi + 1, s, k)) return true;
                return false;
            }
            if (si >= s.length()) return false;
            if (c == '?') {
                pi++;
                si++;
                continue;
            }
            if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end > 0) {
                    boolean neg = p.charAt(pi + 1) == '!' || p.charAt(pi + 1) == '^';
                    String set = p.substring(pi + (neg ? 2 : 1), end);
                    boolean in = false;
                    char x = s.charAt(si);
                    for (int k = 0; k < set.length(); k++) {
                        if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                            if (x >= set.charAt(k) && x <= set.charAt(k + 2)) in = true;
                            k += 2;
                        } else if (set.charAt(k) == x) {
                            in = true;
                        }
                    }
                    if (in == neg) return false;
                    pi = end + 1;
                    si++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.length()) c = p.charAt(++pi);
            if (s.charAt(si) != c) return false;
            pi++;
            si++;
        }
        return si == s.length();
    }
}
