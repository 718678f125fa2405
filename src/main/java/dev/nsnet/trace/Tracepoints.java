package dev.nsnet.trace;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulation's tracepoints: a list of observers and the {@link #on} flag the data path checks
 * before building any event text ({@code if (tp.on) tp.step(...)}).
 */
public final class Tracepoints {
    public boolean on;
    private final List<PacketObserver> observers = new ArrayList<>();

    public void attach(PacketObserver o) { observers.add(o); on = true; }

    public void detach(PacketObserver o) { observers.remove(o); on = !observers.isEmpty(); }

    public void step(SkBuff skb, NetDevice dev, String func, String detail) {
        for (PacketObserver o : observers) o.step(skb, dev, func, detail);
    }

    public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
        for (PacketObserver o : observers) o.drop(skb, dev, func, reason, detail);
    }
}
