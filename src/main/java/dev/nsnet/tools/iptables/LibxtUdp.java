package dev.nsnet.tools.iptables;

/** extensions/libxt_udp.c: --sport/--dport as {@link LibxtTcp}, without the flag options. */
final class LibxtUdp extends LibxtTcp {
    LibxtUdp() { super(17); }

    @Override
    String[] options() { return new String[] {"source-port", "sport", "destination-port", "dport"}; }
}
