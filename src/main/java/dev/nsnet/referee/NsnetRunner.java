package dev.nsnet.referee;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;

/** Runs a scenario script through nsnet's own scenario runner (a fresh {@link Session}) for its transcript. */
public final class NsnetRunner {
    private final long seed;

    public NsnetRunner(long seed) { this.seed = seed; }

    public String run(String scriptText) {
        return Transcript.run(Script.parse("scenario", scriptText), new Session(seed));
    }
}
