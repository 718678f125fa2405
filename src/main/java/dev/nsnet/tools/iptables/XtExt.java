package dev.nsnet.tools.iptables;

/**
 * What a match and a target extension have in common on the iptables side (libxtables'
 * {@code struct xtables_match} / {@code struct xtables_target}): a name, its long options (merged
 * into getopt's table when the extension is loaded by {@code -m NAME} / {@code -j NAME}) and the
 * per-rule parser state. One instance per loaded extension of one command line (like the
 * per-rule {@code m->m} data); {@link XtRegistry} makes fresh ones.
 *
 * <p>An extension may describe its options with {@link #spec()} (struct xt_option_entry: id,
 * INVERT/MAND flags, exclusions, requirements); the framework then gives libxtables' generic
 * checks and messages: "can only be used once", "cannot be inverted" (xtables_option_parse) and
 * "must be specified", "cannot be used together with", "also requires" (xtables_options_fcheck).
 */
abstract class XtExt {
    /** xt_option_entry flags. */
    static final int INVERT = 1, MAND = 2, MULTI = 4;

    /** One xt_option_entry: aliases share an id; excl/also are bit sets of ids. */
    record Spec(String name, int id, int flags, int excl, int also) {
        Spec(String name, int id, int flags) { this(name, id, flags, 0, 0); }
    }

    /** Bits (1 << id) of the options given so far (cb->xflags). */
    int xflags;
    /** The rule being parsed (cb->xt_entry: its -p, addresses, ... as given so far); set on load. */
    RuleParser rule;

    /** The extension's name as -m / -j give it (and as the kernel object's name()). */
    abstract String name();

    /** Its option table, or null when the extension checks everything itself. */
    Spec[] spec() { return null; }

    /** Its long options without "--" (x6_options), in the order getopt sees them. */
    String[] options() {
        Spec[] s = spec();
        String[] n = new String[s.length];
        for (int i = 0; i < s.length; i++) n[i] = s[i].name();
        return n;
    }

    /**
     * x6_parse(): one of {@link #options()} was given ({@code o.name}); take its argument(s) from
     * {@code o}, honour or refuse {@code o.invert}, throw {@link XtError} with iptables' message on
     * bad input. With a {@link #spec()}, the generic checks have run before.
     */
    abstract void parse(XtOpt o);

    /** The spec entry of option {@code name}. */
    final Spec entry(String name) {
        for (Spec s : spec()) if (s.name().equals(name)) return s;
        throw new IllegalStateException(name);
    }

    /** xtables_option_parse(): single use and inversion, then marks the option as given. */
    final void optionParse(XtOpt o) {
        if (spec() == null) return;
        // cb->entry is looked up by id: messages name the first option of that id (--destination-port for --dport).
        Spec e = byId(spec(), entry(o.name).id());
        int bit = 1 << e.id();
        if (((e.flags() & MULTI) == 0 || (e.excl() & bit) != 0) && (xflags & bit) != 0)
            throw XtError.param(name() + ": option \"--" + e.name() + "\" can only be used once.\n");
        if (o.invert && (e.flags() & INVERT) == 0)
            throw XtError.param(name() + ": option \"--" + e.name() + "\" cannot be inverted.\n");
        xflags |= bit;
    }

    /** xtables_options_fcheck(): mandatory options, exclusions, requirements, in table order. */
    final void optionsFcheck() {
        Spec[] table = spec();
        if (table == null) return;
        for (Spec e : table) {
            if ((e.flags() & MAND) != 0 && (xflags & (1 << e.id())) == 0)
                throw XtError.param(name() + ": option \"--" + e.name() + "\" must be specified\n");
            if ((xflags & (1 << e.id())) == 0) continue;
            for (int i = 0; i < 32; i++) {
                if (i == e.id()) continue;
                Spec other = byId(table, i);
                if (other == null) continue;
                if ((e.excl() & (1 << i)) != 0 && (xflags & (1 << i)) != 0)
                    throw XtError.param(name() + ": option \"--" + e.name() + "\" cannot be used together with \"--"
                            + other.name() + "\".\n");
                if ((e.also() & (1 << i)) != 0 && (xflags & (1 << i)) == 0)
                    throw XtError.param(name() + ": option \"--" + e.name() + "\" also requires \"--" + other.name() + "\".\n");
            }
        }
    }

    private static Spec byId(Spec[] table, int id) {
        for (Spec s : table) if (s.id() == id) return s;
        return null;
    }

    /** xtables_strtoui with base 0 (decimal, 0x hex, 0 octal) for a 32-bit value; -1 when bad. */
    static long parseU32(String s) {
        long v;
        try {
            if (s.matches("0[xX][0-9a-fA-F]+")) v = Long.parseLong(s.substring(2), 16);
            else if (s.matches("0[0-7]*")) v = s.length() == 1 ? 0 : Long.parseLong(s.substring(1), 8);
            else if (s.matches("[1-9][0-9]*")) v = Long.parseLong(s);
            else return -1;
        } catch (NumberFormatException e) {
            return -1;
        }
        return v > 0xffffffffL ? -1 : v;
    }

    /** XTTYPE_MARKMASK32: "value[/mask]" (mask defaults to all ones); null when bad. */
    static int[] parseMarkMask(String s) {
        int slash = s.indexOf('/');
        long v = parseU32(slash < 0 ? s : s.substring(0, slash));
        long m = slash < 0 ? 0xffffffffL : parseU32(s.substring(slash + 1));
        if (v < 0 || m < 0) return null;
        return new int[] {(int) v, (int) m};
    }

    static String hex(int v) { return "0x" + Integer.toHexString(v); }
}
