package dev.nsnet.world;

/** A request to build the outside world that cannot be done; the message is meant for the user. */
public final class WorldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorldException(String message) { super(message); }
}
