package dev.nsnet.tools.iptables;

/**
 * One extension option being parsed: its resolved long name, the word as typed (for messages),
 * whether "!" preceded it, and access to its argument(s) on the command line.
 */
final class XtOpt {
    /** The option's full long name (without "--"), as the extension lists it. */
    final String name;
    /** The word as typed ("--dport", "--dp=22"). */
    final String shown;
    final boolean invert;
    private final IptArgs args;
    private final String attached;

    XtOpt(String name, String shown, boolean invert, IptArgs args, String attached) {
        this.name = name;
        this.shown = shown;
        this.invert = invert;
        this.args = args;
        this.attached = attached;
    }

    /** The option's argument (required_argument): "--opt=V" or the next word, whatever it is. */
    String arg() { return args.requireArg(shown, attached); }

    /** A further argument that must not look like an option ("!" or "-x"), or null (e.g. --tcp-flags' second). */
    String nextPlain() { return args.nextPlain(); }

    /** An optional argument for options like --log-level: the next word unless it starts with "-" or "!". */
    boolean hasNextPlain() { return args.peekPlain() != null; }

    /** The rule's -p protocol so far (0: any), as an extension's parse sees entry->ip.proto. */
    int ruleProto() { return args.rule.proto; }

    /** "iptables v1.8.9 (nf_tables): MSG" + the help hint, exit 2. */
    static XtError error(String msg) { return XtError.param(msg); }
}
