package dev.nsnet.tools.tcpdump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The classic libpcap savefile format (pcap-savefile(5)): a 24-byte file header (magic
 * 0xa1b2c3d4 in the writer's byte order, version 2.4, snaplen, link type) and per packet a
 * 16-byte record header (seconds, microseconds, captured length, length on the wire) followed
 * by the captured bytes. Written in little-endian order, as tcpdump does on x86-64.
 */
final class PcapFile {
    static final int LINKTYPE_ETHERNET = 1, LINKTYPE_LINUX_SLL2 = 276;

    private PcapFile() { }

    static void writeHeader(OutputStream out, int snaplen, int linktype) throws IOException {
        byte[] h = new byte[24];
        le32(h, 0, 0xa1b2c3d4);
        le16(h, 4, 2);
        le16(h, 6, 4);
        le32(h, 16, snaplen);
        le32(h, 20, linktype);
        out.write(h);
    }

    static void writeRecord(OutputStream out, long tsNs, byte[] b, int off, int caplen, int len) throws IOException {
        byte[] h = new byte[16];
        le32(h, 0, (int) (tsNs / 1_000_000_000L));
        le32(h, 4, (int) (tsNs % 1_000_000_000L / 1000));
        le32(h, 8, caplen);
        le32(h, 12, len);
        out.write(h);
        out.write(b, off, caplen);
    }

    private static void le32(byte[] b, int o, int v) {
        b[o] = (byte) v; b[o + 1] = (byte) (v >>> 8); b[o + 2] = (byte) (v >>> 16); b[o + 3] = (byte) (v >>> 24);
    }

    private static void le16(byte[] b, int o, int v) { b[o] = (byte) v; b[o + 1] = (byte) (v >>> 8); }

    /** A savefile being read; {@link #next} fills the record fields. */
    static final class Reader {
        final InputStream in;
        final boolean swapped, nano;
        final int snaplen, linktype;
        long tsNs;
        int caplen, len;
        byte[] data = new byte[2048];

        private Reader(InputStream in, boolean swapped, boolean nano, int snaplen, int linktype) {
            this.in = in;
            this.swapped = swapped;
            this.nano = nano;
            this.snaplen = snaplen;
            this.linktype = linktype;
        }

        /** Opens a savefile; the message (after "tcpdump: ") of a bad file in {@code err[0]}. */
        static Reader open(InputStream in, String[] err) throws IOException {
            byte[] h = new byte[24];
            int n = in.readNBytes(h, 0, 4);
            if (n < 4) {
                err[0] = "truncated dump file; tried to read 4 file header bytes, only got " + n;
                return null;
            }
            int magicLe = u32le(h, 0);
            boolean swapped, nano;
            if (magicLe == 0xa1b2c3d4 || magicLe == 0xa1b23c4d) { swapped = false; nano = magicLe == 0xa1b23c4d; }
            else if (Integer.reverseBytes(magicLe) == 0xa1b2c3d4 || Integer.reverseBytes(magicLe) == 0xa1b23c4d) {
                swapped = true;
                nano = Integer.reverseBytes(magicLe) == 0xa1b23c4d;
            } else {
                err[0] = "bad dump file format";
                return null;
            }
            n = in.readNBytes(h, 4, 20);
            if (n < 20) {
                err[0] = "truncated dump file; tried to read 24 file header bytes, only got " + (n + 4);
                return null;
            }
            Reader r = new Reader(in, swapped, nano, 0, 0);
            return new Reader(in, swapped, nano, r.u32(h, 16), r.u32(h, 20) & 0x03ffffff);
        }

        int u32(byte[] b, int o) { return swapped ? Integer.reverseBytes(u32le(b, o)) : u32le(b, o); }

        /** Reads the next record; false at the end of the file. */
        boolean next() throws IOException {
            byte[] h = new byte[16];
            int n = in.readNBytes(h, 0, 16);
            if (n < 16) return false;
            long sec = u32(h, 0) & 0xffffffffL, frac = u32(h, 4) & 0xffffffffL;
            tsNs = sec * 1_000_000_000L + (nano ? frac : frac * 1000);
            caplen = u32(h, 8);
            len = u32(h, 12);
            if (caplen < 0 || caplen > 262144 * 4) throw new IOException("bogus savefile header");
            if (data.length < caplen) data = new byte[caplen];
            return in.readNBytes(data, 0, caplen) == caplen;
        }
    }

    static int u32le(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }
}
