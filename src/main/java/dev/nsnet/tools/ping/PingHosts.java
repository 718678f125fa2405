package dev.nsnet.tools.ping;

/**
 * Name resolution as the recording host answers it: /etc/hosts knows {@code localhost}, and there
 * is no DNS (other names fail with "Temporary failure in name resolution").
 */
final class PingHosts {
    private PingHosts() { }

    static final int LOCALHOST = 0x7f000001;

    /** getaddrinfo() for a name that is not an address literal; null when unknown. */
    static Long lookup(String name) {
        if (name.equalsIgnoreCase("localhost")) return (long) LOCALHOST;
        return null;
    }

    /** getnameinfo(): the name of an address, or null. */
    static String reverse(int addr) {
        return addr == LOCALHOST ? "localhost" : null;
    }
}
