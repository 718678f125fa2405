package dev.nsnet.kernel.core;

/** RFC 2863 operational states ({@code IF_OPER_*}), as {@code ip link} prints them. */
public enum OperState {
    UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP
}
