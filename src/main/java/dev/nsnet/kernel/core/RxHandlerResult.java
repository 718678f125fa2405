package dev.nsnet.kernel.core;

/** {@code rx_handler_result_t}: what an rx handler (bridge port, macvlan lower) did with a frame. */
public enum RxHandlerResult { CONSUMED, ANOTHER, EXACT, PASS }
