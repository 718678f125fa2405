package dev.nsnet.kernel.core;

/**
 * A free list of {@link SkBuff}s with room for a full Ethernet frame. Single-threaded, as the
 * emulation is; releasing a buffer twice is detected and refused.
 */
public final class SkbPool {
    /** Default buffer: headroom + 1514 frame + slack, like a 2 KiB slab object. */
    public static final int DEFAULT_CAPACITY = SkBuff.HEADROOM + 1536;
    public static final SkbPool GLOBAL = new SkbPool();

    private SkBuff[] free = new SkBuff[256];
    private int count;
    private long nextId = 1;
    private long allocated;

    public SkBuff alloc(int payloadHint) {
        SkBuff s;
        int need = SkBuff.HEADROOM + payloadHint + 64;
        if (count > 0 && need <= DEFAULT_CAPACITY) {
            s = free[--count];
            free[count] = null;
            s.inPool = false;
        } else {
            s = new SkBuff(this, Math.max(DEFAULT_CAPACITY, need));
            allocated++;
        }
        s.reset();
        s.id = nextId++;
        return s;
    }

    void release(SkBuff s) {
        if (s.inPool) throw new IllegalStateException("double free of skb " + s.id);
        s.inPool = true;
        s.dev = null; s.outDev = null; s.sk = null;
        if (s.buf.length != DEFAULT_CAPACITY) return; // oversize: let GC take it
        if (count == free.length) {
            if (count >= 65536) return;
            free = java.util.Arrays.copyOf(free, count * 2);
        }
        free[count++] = s;
    }

    /** Buffers ever created (for benchmarks: steady state should stop growing). */
    public long allocatedBuffers() { return allocated; }

    public int freeBuffers() { return count; }
}
