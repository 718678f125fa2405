package dev.nsnet.tools.tcpdump;

/** The printing flags of {@code netdissect_options} that nsnet's printers use. */
final class PrintOptions {
    int nflag;
    boolean eflag;
    int vflag;
    boolean qflag;
    /** -x/-xx and -X/-XX: hex (and ASCII) dump after each packet's line, without/with the link header. */
    int xflag, bigXflag;
    /** -S: absolute TCP sequence numbers. */
    boolean sflagAbsolute;
}
