package dev.nsnet.tools.traceroute;

import java.util.List;
import java.util.Locale;

/**
 * The command line of traceroute 2.1 (its CLIF parser and the checks in main()): short options
 * that may be bundled ({@code -nI}) or carry a joined argument ({@code -q1}), long options whose
 * argument must follow an {@code =} ({@code --max-hops=2}), options anywhere among the operands,
 * then {@code host [packetlen]}. Every mistake gets traceroute's message on stderr and status 2.
 */
final class TracerouteOptions {
    /** Thrown after the message was printed: exit with this status. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String message;

        Exit(int status, String message) {
            super(null, null, false, false);
            this.status = status;
            this.message = message;
        }
    }

    static final int MAX_HOPS = 255, MAX_PROBES = 10, MAX_PACKET_LEN = 65000;

    String module = "default";
    boolean numeric;
    boolean dontFragment;
    long firstHop = 1, maxHops = 30, simProbes = 16, probesPerHop = 3;
    long port = -1;
    long tos;
    String device;
    String source;
    double waitSecs = 5.0, hereFactor = 3, nearFactor = 10;
    double sendSecs;
    String host;
    int hostArgc;
    long packetLen = -1;
    boolean help, version;
    /** An option nsnet does not model (a clear error instead of a silent approximation). */
    String unsupported;

    private enum Kind { FLAG, UINT, STRING, WAIT, DOUBLE }

    private record Opt(String shortName, String longName, String argName, Kind kind) { }

    private static final List<Opt> OPTS = List.of(
            new Opt("4", null, null, Kind.FLAG), new Opt("6", null, null, Kind.FLAG),
            new Opt("d", "debug", null, Kind.FLAG), new Opt("F", "dont-fragment", null, Kind.FLAG),
            new Opt("f", "first", "first_ttl", Kind.UINT), new Opt("g", "gateway", "gate", Kind.STRING),
            new Opt("I", "icmp", null, Kind.FLAG), new Opt("T", "tcp", null, Kind.FLAG),
            new Opt("i", "interface", "device", Kind.STRING), new Opt("m", "max-hops", "max_ttl", Kind.UINT),
            new Opt("N", "sim-queries", "squeries", Kind.UINT), new Opt("n", null, null, Kind.FLAG),
            new Opt("p", "port", "port", Kind.UINT), new Opt("t", "tos", "tos", Kind.UINT),
            new Opt("l", "flowlabel", "flow_label", Kind.UINT), new Opt("w", "wait", "MAX,HERE,NEAR", Kind.WAIT),
            new Opt("q", "queries", "nqueries", Kind.UINT), new Opt("r", null, null, Kind.FLAG),
            new Opt("s", "source", "src_addr", Kind.STRING), new Opt("z", "sendwait", "sendwait", Kind.DOUBLE),
            new Opt("e", "extensions", null, Kind.FLAG), new Opt("A", "as-path-lookups", null, Kind.FLAG),
            new Opt("M", "module", "name", Kind.STRING), new Opt("O", "options", "OPTS", Kind.STRING),
            new Opt(null, "sport", "num", Kind.UINT), new Opt(null, "fwmark", "num", Kind.UINT),
            new Opt("U", "udp", null, Kind.FLAG), new Opt("D", "dccp", null, Kind.FLAG),
            new Opt("P", "protocol", "prot", Kind.STRING), new Opt(null, "mtu", null, Kind.FLAG),
            new Opt(null, "back", null, Kind.FLAG), new Opt("V", "version", null, Kind.FLAG),
            new Opt(null, "help", null, Kind.FLAG));

    /** -4 / -6: the address family asked for (0: any). */
    int family;

    static TracerouteOptions parse(List<String> args) {
        TracerouteOptions o = new TracerouteOptions();
        if (args.isEmpty()) {
            o.help = true;
            return o;
        }
        int positional = 0;
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int argc = i + 1;
            if (!endOfOptions && a.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && a.startsWith("--")) {
                String name = a.substring(2);
                String val = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    val = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Opt opt = null;
                for (Opt c : OPTS) if (name.equals(c.longName)) opt = c;
                if (opt == null) throw new Exit(2, "Bad option `" + a + "' (argc " + argc + ")");
                if (opt.kind != Kind.FLAG && val == null) {
                    throw new Exit(2, "Option `--" + name + "' (argc " + argc + ") requires an argument: `--"
                            + name + "=" + opt.argName + "'");
                }
                o.apply(opt, "--" + name, val, argc);
            } else if (!endOfOptions && a.startsWith("-") && a.length() > 1) {
                if (a.equals("-UL")) {
                    o.unsupported = "-UL (UDPLITE)";
                    continue;
                }
                for (int k = 1; k < a.length(); k++) {
                    String s = String.valueOf(a.charAt(k));
                    Opt opt = null;
                    for (Opt c : OPTS) if (s.equals(c.shortName)) opt = c;
                    if (opt == null) throw new Exit(2, "Bad option `-" + s + "' (argc " + argc + ")");
                    if (opt.kind == Kind.FLAG) {
                        o.apply(opt, "-" + s, null, argc);
                        continue;
                    }
                    String val;
                    int valArgc = argc;
                    if (k + 1 < a.length()) {
                        val = a.substring(k + 1);
                    } else if (i + 1 < args.size()) {
                        val = args.get(++i);
                        valArgc = i + 1;
                    } else {
                        throw new Exit(2, "Option `-" + s + "' (argc " + argc + ") requires an argument: `-" + s
                                + " " + opt.argName + "'");
                    }
                    o.apply(opt, "-" + s, val, valArgc);
                    break;
                }
            } else {
                positional++;
                if (positional == 1) {
                    o.host = a;
                    o.hostArgc = argc;
                } else if (positional == 2) {
                    Long v = strtol(a);
                    if (v == null) {
                        throw new Exit(2, "Cannot handle \"packetlen\" cmdline arg `" + a + "' on position 2 (argc "
                                + argc + ")");
                    }
                    o.packetLen = v;
                } else {
                    throw new Exit(2, "Extra arg `" + a + "' (position " + positional + ", argc " + argc + ")");
                }
            }
            if (o.help || o.version) return o;
        }
        return o;
    }

    private void apply(Opt opt, String as, String val, int argc) {
        String key = opt.shortName != null ? opt.shortName : opt.longName;
        long u = 0;
        if (opt.kind == Kind.UINT) {
            Long v = strtoul(val);
            if (v == null) throw bad(as, val, argc);
            u = v;
        }
        switch (key) {
            case "n" -> numeric = true;
            case "4", "6" -> family = key.equals("4") ? 4 : 6;
            case "F" -> dontFragment = true;
            case "f" -> firstHop = u;
            case "m" -> maxHops = u;
            case "N" -> simProbes = u;
            case "q" -> probesPerHop = u;
            case "p" -> port = u;
            case "t" -> tos = u;
            case "i" -> device = val;
            case "s" -> source = val;
            case "I" -> module = "icmp";
            case "T" -> module = "tcp";
            case "U" -> module = "udp";
            case "D" -> module = "dccp";
            case "M" -> module = val;
            case "w" -> {
                if (!setWait(val)) throw bad(as, val, argc);
            }
            case "z" -> {
                Double d = strtod(val);
                if (d == null) throw bad(as, val, argc);
                sendSecs = d;
            }
            case "V", "version" -> version = true;
            case "help" -> help = true;
            default -> unsupported = as;
        }
    }

    private static Exit bad(String as, String val, int argc) {
        return new Exit(2, "Cannot handle `" + as + "' option with arg `" + val + "' (argc " + argc + ")");
    }

    /** set_wait_specs(): MAX[,HERE[,NEAR]]; giving MAX alone turns the HERE and NEAR rules off. */
    private boolean setWait(String arg) {
        hereFactor = nearFactor = 0;
        String[] p = arg.split(",", -1);
        if (p.length > 3) return false;
        Double[] v = new Double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = strtod(p[i]);
            if (v[i] == null) return false;
        }
        waitSecs = v[0];
        if (p.length > 1) hereFactor = v[1];
        if (p.length > 2) nearFactor = v[2];
        return true;
    }

    /** The checks of main() after parsing, in its order. */
    void check() {
        if (!module.equals("default") && !module.equals("icmp") && !module.equals("tcp") && !module.equals("udp")
                && !module.equals("udplite") && !module.equals("dccp") && !module.equals("raw")) {
            throw new Exit(2, "Unknown traceroute module " + module);
        }
        if (firstHop == 0 || firstHop > maxHops) throw new Exit(2, "first hop out of range");
        if (maxHops > MAX_HOPS) throw new Exit(2, "max hops cannot be more than " + MAX_HOPS);
        if (probesPerHop == 0 || probesPerHop > MAX_PROBES) {
            throw new Exit(2, "no more than " + MAX_PROBES + " probes per hop");
        }
        if (waitSecs < 0 || hereFactor < 0 || nearFactor < 0) {
            throw new Exit(2, "bad wait specifications `" + g(waitSecs) + "," + g(hereFactor) + "," + g(nearFactor)
                    + "' used");
        }
        if (packetLen > MAX_PACKET_LEN) throw new Exit(2, "too big packetlen " + packetLen + " specified");
        if (sendSecs < 0) throw new Exit(2, "bad sendtime `" + g(sendSecs) + "' specified");
        if (sendSecs >= 10) sendSecs /= 1000;
    }

    /** printf's %g for the small values these messages show. */
    static String g(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** strtoul(arg, &end, 0) that must consume everything: a leading - wraps as C does. */
    static Long strtoul(String s) {
        Long v = strtol(s);
        if (v == null) return null;
        return v & 0xffffffffL;
    }

    /** strtol(arg, &end, 0) over the whole string (decimal, 0x hex, 0 octal), or null. */
    static Long strtol(String s) {
        String t = s.stripLeading(); // strtol skips leading blanks; anything after the number is an error
        if (t.isEmpty()) return null;
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        if (t.isEmpty()) return null;
        int radix = 10;
        if (t.length() > 1 && (t.startsWith("0x") || t.startsWith("0X"))) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) return null;
        try {
            long v = Long.parseLong(t, radix);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** strtod() over the whole string, or null. */
    static Double strtod(String s) {
        if (s.isEmpty() || !s.matches("[ \\t]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return null;
        return Double.parseDouble(s.strip());
    }
}
