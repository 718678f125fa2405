package dev.nsnet.scenario;

import dev.nsnet.kernel.core.ProcessScheduler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A process's view of the terminal: every write is a write(2) system call, a scheduling point at
 * which the processes this one woke run first ({@link ProcessScheduler#yieldToWoken}), then the
 * bytes go to the shared transcript stream unbuffered, in write order.
 */
final class TaskOutput extends OutputStream {
    private final PrintStream target;
    private final ProcessScheduler ps;

    private TaskOutput(PrintStream target, ProcessScheduler ps) {
        this.target = target;
        this.ps = ps;
    }

    static PrintStream wrap(PrintStream target, ProcessScheduler ps) {
        return new PrintStream(new TaskOutput(target, ps), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        ps.yieldToWoken();
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len == 0) return;
        ps.yieldToWoken();
        target.write(b, off, len);
    }

    @Override
    public void flush() { target.flush(); }
}
