package dev.nsnet.kernel.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's kernel log ring buffer (kernel/printk/printk.c: printk records in log_buf, read by
 * /dev/kmsg and syslog(2) as dmesg does): each record has its level and the virtual time since
 * the emulation started ("boot"). Bounded like log_buf (CONFIG_LOG_BUF_SHIFT=17: 128 KiB of
 * text): the oldest records go first. {@code dmesg -c}/{@code -C} clear it (SYSLOG_ACTION_CLEAR).
 */
public final class Printk {
    /** One record: level (0 emerg .. 7 debug), timestamp in ns since boot, text without newline. */
    public record Record(int level, long timeNs, String text) { }

    private static final int CAPACITY = 1 << 17;
    private final Emulation emulation;
    private final ArrayDeque<Record> records = new ArrayDeque<>();
    private int bytes;

    Printk(Emulation emulation) { this.emulation = emulation; }

    /** printk(KERN_SOH level text). */
    public void log(int level, String text) {
        Record r = new Record(level, emulation.now(), text);
        records.addLast(r);
        bytes += text.length() + 1;
        while (bytes > CAPACITY && records.size() > 1) bytes -= records.removeFirst().text().length() + 1;
    }

    public List<Record> records() { return new ArrayList<>(records); }

    /** SYSLOG_ACTION_CLEAR. */
    public void clear() {
        records.clear();
        bytes = 0;
    }
}
