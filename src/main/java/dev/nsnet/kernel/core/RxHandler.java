package dev.nsnet.kernel.core;

/** {@code rx_handler_func_t}: installed on a device by its upper device (e.g. a bridge on its ports). */
@FunctionalInterface
public interface RxHandler {
    RxHandlerResult handle(SkBuff skb);
}
