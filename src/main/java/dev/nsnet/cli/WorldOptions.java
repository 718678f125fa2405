package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Options shared by the commands that build a world: the seed and packet tracing. */
final class WorldOptions {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the emulation's random source (default: ${DEFAULT-VALUE}). "
                    + "The same script with the same seed prints the same bytes.")
    long seed;

    @Option(names = "--trace", description = "Print each packet's path through the kernel model on stderr.")
    boolean trace;

    /** Attaches the text tracer, writing to {@code err}, when --trace was given. */
    void attachTrace(Emulation emu, PrintStream err) {
        if (trace) TraceSupport.attach(emu, err);
    }
}
