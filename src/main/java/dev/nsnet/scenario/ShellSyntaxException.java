package dev.nsnet.scenario;

/**
 * A script line nsnet cannot run as written. {@link #bashError} says whether bash itself rejects it
 * (then the message is bash's own, printed as bash prints it); otherwise bash would run the line but
 * nsnet does not support that syntax.
 */
public final class ShellSyntaxException extends RuntimeException {
    public final boolean bashError;

    public ShellSyntaxException(String message) { this(message, false); }

    public ShellSyntaxException(String message, boolean bashError) {
        super(message, null, false, false);
        this.bashError = bashError;
    }

    /** The line to print on stderr, as bash -c would (bash errors) or as nsnet's own. */
    public String diagnostic() {
        return bashError ? "bash: -c: line 1: " + getMessage() : "nsnet: " + getMessage();
    }
}
