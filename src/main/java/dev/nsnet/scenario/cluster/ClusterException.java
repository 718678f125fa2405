package dev.nsnet.scenario.cluster;

/** A mistake in a cluster file: the message names the file and what is wrong. */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) { super(message); }
}
