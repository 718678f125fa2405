package dev.nsnet.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A byte stream onto picocli's PrintWriter (so tools, which write to PrintStreams, and picocli's own
 * messages share one destination that tests can capture). Every write is passed on at once, so
 * stdout and stderr keep their relative order on a terminal.
 */
final class WriterStream extends OutputStream {
    private final PrintWriter w;
    private final CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private final CharBuffer outChars = CharBuffer.allocate(8192);

    private WriterStream(PrintWriter w) { this.w = w; }

    static PrintStream printStream(PrintWriter w) {
        return new PrintStream(new WriterStream(w), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, in.remaining());
            in.put(b, off, n);
            off += n;
            len -= n;
            in.flip();
            while (true) {
                var r = dec.decode(in, outChars, false);
                outChars.flip();
                w.append(outChars);
                outChars.clear();
                if (!r.isOverflow()) break;
            }
            in.compact();
        }
        w.flush();
    }

    @Override
    public void flush() { w.flush(); }
}
