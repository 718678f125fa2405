package dev.nsnet.tools.tcpdump;

/** The printing flags of {@code netdissect_options} that nsnet's printers use. */
final class PrintOptions {
    int nflag;
    boolean eflag;
    int vflag;
    boolean qflag;
    /** -S: absolute TCP sequence numbers. */
    boolean sflagAbsolute;
}
