package dev.nsnet.tools.bridge;

/**
 * A user-level error of the {@code bridge} front-end: iproute2's text for stderr and the status
 * the real tool ends with (255 for {@code exit(-1)} / {@code return -1}).
 */
final class BridgeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String text;
    final int status;

    BridgeError(String text, int status) {
        super(text, null, false, false);
        this.text = text;
        this.status = status;
    }

    static BridgeError of(String line) { return new BridgeError(line + "\n", 255); }

    /** invarg(): "Error: argument "X" is wrong: MSG". */
    static BridgeError invarg(String msg, String arg) {
        return new BridgeError("Error: argument \"" + arg + "\" is wrong: " + msg + "\n", 255);
    }

    static BridgeError duparg2(String key, String arg) {
        return new BridgeError("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.\n", 255);
    }

    static BridgeError duparg(String key, String arg) {
        return new BridgeError("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.\n", 255);
    }

    /** NEXT_ARG() at the end of the words: incomplete_command(). */
    static BridgeError incomplete() {
        return new BridgeError("Command line is not complete. Try option \"help\"\n", 255);
    }

    /** nodev(). */
    static BridgeError nodev(String dev) { return of("Cannot find device \"" + dev + "\""); }
}
