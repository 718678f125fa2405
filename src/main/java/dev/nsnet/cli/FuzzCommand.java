package dev.nsnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nsnet fuzz}: placeholder until the fuzzer lands. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, description = "Differential fuzzing against the real kernel.")
final class FuzzCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() { return 2; }
}
