package dev.nsnet.kernel.core;

/**
 * An error returned by the kernel model to a control request, like a negative errno from a
 * netlink handler, optionally with an extack message.
 */
public final class KernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final Errno errno;
    public final String extack;

    public KernelException(Errno errno) { this(errno, null); }

    public KernelException(Errno errno, String extack) {
        super(extack != null ? extack : errno.message, null, false, false);
        this.errno = errno;
        this.extack = extack;
    }
}
