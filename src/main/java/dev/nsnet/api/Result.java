package dev.nsnet.api;

/** What one command line did: its exit status and its stdout+stderr merged in write order. */
public record Result(int exitStatus, String output) {
    public boolean ok() { return exitStatus == 0; }
}
