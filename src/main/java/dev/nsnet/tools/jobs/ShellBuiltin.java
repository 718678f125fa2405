package dev.nsnet.tools.jobs;

/**
 * Marks a command that bash runs inside the shell itself rather than as a new process
 * ({@code wait}, {@code kill}, {@code jobs}): it acts on the shell's job table and runs on the
 * shell's thread, between the shell's lines.
 */
public interface ShellBuiltin { }
