package dev.nsnet.tools.iptables;

/**
 * What a match and a target extension have in common on the iptables side (libxtables'
 * {@code struct xtables_match} / {@code struct xtables_target}): a name, its long options (merged
 * into getopt's table when the extension is loaded by {@code -m NAME} / {@code -j NAME}) and the
 * per-rule parser state. One instance per loaded extension of one command line (like the
 * per-rule {@code m->m} data); {@link XtRegistry} makes fresh ones.
 */
abstract class XtExt {
    /** The extension's name as -m / -j give it (and as the kernel object's name()). */
    abstract String name();

    /** Its long options without "--" (x6_options), in the order getopt sees them. */
    abstract String[] options();

    /**
     * x6_parse(): one of {@link #options()} was given ({@code o.name}); take its argument(s) from
     * {@code o}, honour or refuse {@code o.invert}, throw {@link XtError} with iptables' message on
     * bad input.
     */
    abstract void parse(XtOpt o);
}
