package dev.nsnet.tools.ip;

/**
 * A user-level error of the {@code ip} front-end: the exact text iproute2 prints on stderr and the
 * exit status it ends with. Thrown anywhere while parsing (iproute2 often calls {@code exit(-1)}
 * from deep inside a parser, which is exit status 255) and caught by {@link Ip}.
 *
 * <p>The helpers mirror iproute2's lib/utils.c reporting functions by name ({@code invarg},
 * {@code duparg}, {@code duparg2}, {@code missarg}, {@code incomplete_command}, {@code nodev}).
 * Kernel refusals are not IpErrors: they are {@link dev.nsnet.kernel.core.KernelException}s,
 * printed by {@link Ip#kernelError} as "RTNETLINK answers: ..." or "Error: extack." (status 2).
 */
public final class IpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The full text for stderr, newline(s) included. */
    public final String text;
    public final int status;

    public IpError(String text, int status) {
        super(text, null, false, false);
        this.text = text;
        this.status = status;
    }

    /** invarg(): {@code msg} is printed verbatim, so a trailing "\n" in it gives iproute2's blank line. */
    public static IpError invarg(String msg, String arg) {
        return new IpError("Error: argument \"" + arg + "\" is wrong: " + msg + "\n", 255);
    }

    public static IpError duparg(String key, String arg) {
        return new IpError("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.\n", 255);
    }

    public static IpError duparg2(String key, String arg) {
        return new IpError("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.\n", 255);
    }

    public static IpError missarg(String key) {
        return new IpError("Error: argument \"" + key + "\" is required\n", 255);
    }

    public static IpError incomplete() {
        return new IpError("Command line is not complete. Try option \"help\"\n", 255);
    }

    /** nodev(): returned (not exited) by iproute2, so the status is 1. */
    public static IpError nodev(String dev) {
        return new IpError("Cannot find device \"" + dev + "\"\n", 1);
    }

    /** on_off(): "Error: argument of \"promisc\" must be \"on\" or \"off\", not \"x\"", returned -1. */
    public static IpError onOff(String key, String arg) {
        return new IpError("Error: argument of \"" + key + "\" must be \"on\" or \"off\", not \"" + arg + "\"\n", 1);
    }

    /** A message printed as is with exit(-1). */
    public static IpError exit(String text) {
        return new IpError(text, 255);
    }
}
