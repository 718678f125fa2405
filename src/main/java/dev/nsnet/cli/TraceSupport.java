package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.trace.TextTrace;
import java.io.PrintStream;

/** Attaches the text packet tracer (trace.TextTrace) for --trace. */
final class TraceSupport {
    private TraceSupport() { }

    static void attach(Emulation emu, PrintStream out) { TextTrace.attach(emu, out); }
}
