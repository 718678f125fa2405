package dev.nsnet.tools.iptables;

/**
 * An iptables failure: the text after "iptables v1.8.9 (nf_tables): " (or a bare "iptables: ..."
 * line), the exit status (xtables_exittype: 1 OTHER_PROBLEM, 2 PARAMETER_PROBLEM, 3
 * VERSION_PROBLEM, 4 RESOURCE_PROBLEM) and whether the "Try `iptables -h'" hint follows.
 */
final class XtError extends RuntimeException {
    final int status;
    final boolean versioned;
    final boolean tryHelp;

    private XtError(String msg, int status, boolean versioned, boolean tryHelp) {
        super(msg);
        this.status = status;
        this.versioned = versioned;
        this.tryHelp = tryHelp;
    }

    /** xtables_error(PARAMETER_PROBLEM, ...): versioned message, the help hint, exit 2. */
    static XtError param(String msg) { return new XtError(msg, 2, true, true); }

    /** A parameter problem printed without the program prefix (xshared.c's "Bad argument"), the hint, exit 2. */
    static XtError bare(String msg) { return new XtError(msg, 2, false, true); }

    /** A versioned message without the hint. */
    static XtError versioned(String msg, int status) { return new XtError(msg, status, true, false); }

    /** "iptables: MSG" (nft_strerror of a failed command), exit 1. */
    static XtError plain(String msg) { return new XtError(msg, 1, false, false); }

    static final String NO_CHAIN = "No chain/target/match by that name.";
    static final String BAD_RULE = "Bad rule (does a matching rule exist in that chain?).";
}
