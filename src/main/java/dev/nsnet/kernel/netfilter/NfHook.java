package dev.nsnet.kernel.netfilter;

/**
 * The IPv4 hook numbers and verdicts (include/uapi/linux/netfilter.h {@code enum nf_inet_hooks},
 * {@code NF_DROP}/{@code NF_ACCEPT}) and the priorities tables register at
 * (include/uapi/linux/netfilter_ipv4.h {@code enum nf_ip_hook_priorities}).
 */
public final class NfHook {
    private NfHook() { }

    public static final int PRE_ROUTING = 0, LOCAL_IN = 1, FORWARD = 2, LOCAL_OUT = 3, POST_ROUTING = 4;
    public static final int NUMHOOKS = 5;

    public static final int NF_DROP = 0, NF_ACCEPT = 1;

    public static final int PRI_RAW = -300, PRI_MANGLE = -150, PRI_NAT_DST = -100, PRI_FILTER = 0,
            PRI_NAT_SRC = 100;

    /** The built-in chain name of each hook. */
    public static String chainName(int hook) {
        return switch (hook) {
            case PRE_ROUTING -> "PREROUTING";
            case LOCAL_IN -> "INPUT";
            case FORWARD -> "FORWARD";
            case LOCAL_OUT -> "OUTPUT";
            case POST_ROUTING -> "POSTROUTING";
            default -> throw new IllegalArgumentException("hook " + hook);
        };
    }
}
