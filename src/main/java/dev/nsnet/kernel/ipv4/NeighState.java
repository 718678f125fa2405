package dev.nsnet.kernel.ipv4;

/** {@code NUD_*} neighbour states (include/uapi/linux/neighbour.h) and the groups neighbour.c tests. */
public final class NeighState {
    private NeighState() { }

    public static final int NONE = 0x00, INCOMPLETE = 0x01, REACHABLE = 0x02, STALE = 0x04, DELAY = 0x08,
            PROBE = 0x10, FAILED = 0x20, NOARP = 0x40, PERMANENT = 0x80;
    /** NUD_IN_TIMER: states whose timer runs. */
    public static final int IN_TIMER = INCOMPLETE | REACHABLE | DELAY | PROBE;
    /** NUD_VALID: states with a usable link-layer address. */
    public static final int VALID = PERMANENT | NOARP | REACHABLE | PROBE | STALE | DELAY;
    /** NUD_CONNECTED: states that need no confirmation before use. */
    public static final int CONNECTED = PERMANENT | NOARP | REACHABLE;

    private static final String[] NAMES = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED",
        "NOARP", "PERMANENT"};

    /** The names iproute2 prints for the bits of a state, in bit order. */
    public static String name(int bit) {
        for (int i = 0; i < 8; i++) if ((1 << i) == bit) return NAMES[i];
        return "NONE";
    }

    /** Parses iproute2's {@code nud} argument (names case-insensitive, or a number); -1 when unknown. */
    public static int parse(String s) {
        for (int i = 0; i < 8; i++) if (NAMES[i].equalsIgnoreCase(s)) return 1 << i;
        if (s.equalsIgnoreCase("none")) return NONE;
        if (s.equalsIgnoreCase("all")) return 0xff;
        return -1;
    }
}
