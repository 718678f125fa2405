package dev.nsnet.tools.ip;

import java.io.PrintStream;

/**
 * iproute2's output model (lib/json_print.c over lib/json_writer.c), shared by every {@code ip}
 * object and usable by other iproute2 front-ends ({@code bridge}).
 *
 * <p>Every print call names where it applies:
 * <ul>
 * <li>{@link #ANY}: text output uses {@code fmt} (C printf syntax: %s %d %u %x %lu %llu, widths,
 *     '-' and '0' flags), JSON output adds {@code "key": value};</li>
 * <li>{@link #FP}: text output only (plain-text decorations);</li>
 * <li>{@link #JSON}: JSON only.</li>
 * </ul>
 * Typical use, the way ipaddress.c prints a link:
 * <pre>
 *   IpPrint p = IpPrint.of(ctx.out(), opts);
 *   p.newJsonObj();                       // "[" in JSON mode, nothing in text mode
 *   for (NetDevice d : devs) {
 *       p.openObject(null);
 *       p.uint(IpPrint.ANY, "ifindex", "%u: ", d.ifindex);
 *       p.string(IpPrint.ANY, "ifname", "%s", d.name);
 *       p.nl();                           // "\n" (or "\" with -o) in text mode
 *       p.closeObject();
 *       p.flushRecord();                  // text mode: nothing; keeps call sites like iproute2's
 *   }
 *   p.deleteJsonObj();                    // "]\n" in JSON mode
 * </pre>
 * {@code -j} output is compact on one line, {@code -j -p} pretty-printed with json_writer's exact
 * indentation (4 spaces per level, "[ " and " ]" around arrays, "key": value).
 */
public final class IpPrint {
    public static final int FP = 1, JSON = 2, ANY = 4;

    /** color_attr of lib/color.c, for {@link #colorString}. */
    public static final int COLOR_IFNAME = 0, COLOR_MAC = 1, COLOR_INET = 2, COLOR_INET6 = 3,
            COLOR_OPERSTATE_UP = 4, COLOR_OPERSTATE_DOWN = 5, COLOR_NONE = 6;
    /** The light-background palette (COLORFGBG unset): cyan, yellow, magenta, blue, green, red. */
    private static final String[] COLOR_CODES = {"\u001b[36m", "\u001b[33m", "\u001b[35m", "\u001b[34m",
            "\u001b[32m", "\u001b[31m"};
    private static final String COLOR_CLEAR = "\u001b[0m";
    private boolean color;

    private final PrintStream out;
    private final boolean jsonMode;
    private final boolean pretty;
    /** iproute2's _SL_: "\\" with -oneline, else "\n". */
    public final String sl;
    private final StringBuilder buf = new StringBuilder();
    // json_writer state
    private boolean inJson;
    private int depth;
    private char sep = '\0';

    public IpPrint(PrintStream out, boolean json, boolean pretty, boolean oneline) {
        this.out = out;
        this.jsonMode = json;
        this.pretty = pretty;
        this.sl = oneline ? "\\" : "\n";
    }

    /** The printer for {@code ip}'s options: -j, -p, -o and -c (colour only with -c=always, never in JSON). */
    public static IpPrint of(PrintStream out, IpOptions o) {
        IpPrint p = new IpPrint(out, o.json, o.pretty, o.oneline);
        p.color = o.color == IpOptions.COLOR_ALWAYS && !o.json;
        return p;
    }

    /** check_enable_color(): turns colour on for text output. */
    public IpPrint color(boolean on) {
        this.color = on;
        return this;
    }

    /** print_color_string(): like {@link #string}, the text wrapped in the attribute's colour when enabled. */
    public void colorString(int t, int attr, String key, String fmt, String value) {
        if (fpCtx(t) && color && attr != COLOR_NONE) {
            buf.append(COLOR_CODES[attr]).append(cformat(fmt, value)).append(COLOR_CLEAR);
        } else {
            string(t, key, fmt, value);
        }
    }

    /** color_fprintf() for text-only output. */
    public void colorFp(int attr, String text) {
        if (inJson) return;
        if (color && attr != COLOR_NONE) buf.append(COLOR_CODES[attr]).append(text).append(COLOR_CLEAR);
        else buf.append(text);
    }

    /** is_json_context(). */
    public boolean isJson() { return inJson; }

    private boolean jsonCtx(int t) { return inJson && ((t & JSON) != 0 || (t & ANY) != 0); }

    private boolean fpCtx(int t) { return !inJson && ((t & FP) != 0 || (t & ANY) != 0); }

    // ---------------------------------------------------------------- document

    /** new_json_obj(json): opens the top-level array when -j was given. */
    public void newJsonObj() {
        if (jsonMode) {
            inJson = true;
            depth = 0;
            sep = '\0';
            startArray();
        }
    }

    /** new_json_obj_plain(): JSON without the top-level array. */
    public void newJsonObjPlain() {
        if (jsonMode) {
            inJson = true;
            depth = 0;
            sep = '\0';
        }
    }

    /** delete_json_obj(): closes the top-level array and ends the line. */
    public void deleteJsonObj() {
        if (inJson) {
            endArray();
            buf.append('\n');
            inJson = false;
        }
        flush();
    }

    /** delete_json_obj_plain(). */
    public void deleteJsonObjPlain() {
        if (inJson) {
            buf.append('\n');
            inJson = false;
        }
        flush();
    }

    /** Writes what has been printed so far to the stream (iproute2's fflush(stdout)). */
    public void flush() {
        if (buf.length() > 0) {
            out.print(buf);
            buf.setLength(0);
        }
        out.flush();
    }

    /** Marks the end of one record; flushes so stdout and stderr interleave as in C. */
    public void flushRecord() { flush(); }

    // ---------------------------------------------------------------- structure

    public void openObject(String key) {
        if (jsonCtx(JSON)) {
            if (key != null) name(key);
            begin('{');
        }
    }

    public void closeObject() {
        if (jsonCtx(JSON)) end('}');
    }

    /** open_json_array(): in text mode prints {@code str} (when {@code t} allows text). */
    public void openArray(int t, String key) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            startArray();
        } else if (fpCtx(t)) {
            buf.append(key);
        }
    }

    /** close_json_array(): in text mode prints {@code delim}. */
    public void closeArray(int t, String delim) {
        if (jsonCtx(t)) endArray();
        else if (fpCtx(t)) buf.append(delim);
    }

    /** print_nl(): a line break (or "\" with -o) in text mode, nothing in JSON. */
    public void nl() {
        if (!inJson) buf.append(sl);
    }

    /** Plain text in text mode only (fprintf(fp, ...) in iproute2). */
    public void fp(String text) {
        if (!inJson) buf.append(text);
    }

    /** Plain formatted text in text mode only. */
    public void fpf(String fmt, Object... args) {
        if (!inJson) buf.append(cformat(fmt, args));
    }

    // ---------------------------------------------------------------- values

    public void string(int t, String key, String fmt, String value) {
        if (jsonCtx(t)) {
            if (key != null && value == null) name(key);
            else if (key == null && value != null) { eor(); puts(value); }
            else { name(key); eor(); puts(value); }
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    /** print_uint / print_u64 / print_luint / print_hu: an unsigned number. */
    public void uint(int t, String key, String fmt, long value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            buf.append(Long.toUnsignedString(value));
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    public void u64(int t, String key, String fmt, long value) { uint(t, key, fmt, value); }

    /** print_int / print_s64. */
    public void integer(int t, String key, String fmt, long value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            buf.append(value);
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    public void bool(int t, String key, String fmt, boolean value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            buf.append(value);
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value ? "true" : "false"));
        }
    }

    /** print_on_off(): JSON bool, text "on"/"off". */
    public void onOff(int t, String key, String fmt, boolean value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            buf.append(value);
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value ? "on" : "off"));
        }
    }

    public void nul(int t, String key, String fmt, String value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            buf.append("null");
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    /** print_hex(): JSON string of lowercase hex digits. */
    public void hex(int t, String key, String fmt, long value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            puts(Long.toHexString(value & 0xffffffffL));
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    /** print_0xhex(): JSON string "0x..". */
    public void hex0x(int t, String key, String fmt, long value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            puts(value == 0 ? "0" : "0x" + Long.toHexString(value));
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    public void floating(int t, String key, String fmt, double value) {
        if (jsonCtx(t)) {
            if (key != null) name(key);
            eor(); // jsonw_printf()/jsonw_string() begin with jsonw_eor(): the comma before the next member
            buf.append(cformat("%g", value));
        } else if (fpCtx(t)) {
            buf.append(cformat(fmt, value));
        }
    }

    /** jsonw_name() + jsonw_printf(): a JSON member whose value is {@code text} verbatim (e.g. "14.98"). */
    public void jsonRaw(String key, String text) {
        if (!inJson) return;
        name(key);
        eor();
        buf.append(text);
    }

    // ---------------------------------------------------------------- json_writer

    private void indent() {
        for (int i = 0; i < depth; i++) buf.append("    ");
    }

    private void eol() {
        if (!pretty) return;
        buf.append('\n');
        indent();
    }

    private void eor() {
        if (sep != '\0') buf.append(sep);
        sep = ',';
    }

    private void begin(char c) {
        eor();
        buf.append(c);
        depth++;
        sep = '\0';
    }

    private void end(char c) {
        depth--;
        if (sep != '\0') eol();
        buf.append(c);
        sep = ',';
    }

    private void startArray() {
        begin('[');
        if (pretty) buf.append(' ');
    }

    private void endArray() {
        if (pretty && sep != '\0') buf.append(' ');
        sep = '\0';
        end(']');
    }

    private void name(String n) {
        eor();
        eol();
        sep = '\0';
        puts(n);
        buf.append(':');
        if (pretty) buf.append(' ');
    }

    private void puts(String s) {
        buf.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> buf.append("\\t");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                case '\f' -> buf.append("\\f");
                case '\b' -> buf.append("\\b");
                case '\\' -> buf.append("\\\\");
                case '"' -> buf.append("\\\"");
                default -> buf.append(c);
            }
        }
        buf.append('"');
    }

    // ---------------------------------------------------------------- printf

    /**
     * A small C printf: flags '-' '0' '#', width (or '*' not supported), precision for %s and
     * %f/%g, length modifiers (h, hh, l, ll, z) ignored, conversions s d i u x X c f g %.
     */
    public static String cformat(String fmt, Object... args) {
        if (fmt == null) return "";
        StringBuilder sb = new StringBuilder();
        int ai = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            i++;
            if (i >= n) break;
            if (fmt.charAt(i) == '%') {
                sb.append('%');
                continue;
            }
            boolean left = false, zero = false, alt = false;
            for (; i < n; i++) {
                char f = fmt.charAt(i);
                if (f == '-') left = true;
                else if (f == '0') zero = true;
                else if (f == '#') alt = true;
                else break;
            }
            int width = 0;
            while (i < n && Character.isDigit(fmt.charAt(i))) width = width * 10 + (fmt.charAt(i++) - '0');
            int prec = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                prec = 0;
                while (i < n && Character.isDigit(fmt.charAt(i))) prec = prec * 10 + (fmt.charAt(i++) - '0');
            }
            while (i < n && "hlzjqL".indexOf(fmt.charAt(i)) >= 0) i++;
            char conv = i < n ? fmt.charAt(i) : 's';
            Object a = ai < args.length ? args[ai++] : null;
            String s;
            switch (conv) {
                case 'd', 'i' -> s = String.valueOf(a instanceof Number num ? num.longValue() : 0L);
                case 'u' -> s = a instanceof Number num ? Long.toUnsignedString(num.longValue()) : "0";
                case 'x' -> s = (alt ? "0x" : "") + Long.toHexString(a instanceof Number num ? num.longValue() : 0L);
                case 'X' -> s = (alt ? "0X" : "") + Long.toHexString(a instanceof Number num ? num.longValue() : 0L).toUpperCase();
                case 'c' -> s = String.valueOf(a);
                case 'f' -> s = String.format("%." + (prec < 0 ? 6 : prec) + "f", ((Number) a).doubleValue());
                case 'g' -> s = gformat(((Number) a).doubleValue());
                default -> {
                    s = a == null ? "(null)" : a.toString();
                    if (prec >= 0 && s.length() > prec) s = s.substring(0, prec);
                }
            }
            if (s.length() < width) {
                String pad;
                if (left) {
                    s = s + " ".repeat(width - s.length());
                } else if (zero && conv != 's') {
                    boolean neg = s.startsWith("-");
                    pad = "0".repeat(width - s.length());
                    s = neg ? "-" + pad + s.substring(1) : pad + s;
                } else {
                    s = " ".repeat(width - s.length()) + s;
                }
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** %g with C's default precision 6. */
    static String gformat(double v) {
        if (v == 0) return "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        String s = String.format("%.6g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
