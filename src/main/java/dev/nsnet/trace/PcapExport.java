package dev.nsnet.trace;

import dev.nsnet.kernel.core.Capture;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nsnet run --pcap DIR}: a packet tap in every network namespace of every host (those that
 * exist and those created later), writing each device's frames, both directions, to
 * {@code DIR/<host>-<netns>-<dev>.pcap} (classic pcap, LINKTYPE_ETHERNET, what {@code tcpdump -w
 * -i DEV} would write; {@code root} names a host's initial namespace, an unnamed namespace is
 * {@code ns<inode>}). A file is created at its device's first frame, named as things are then; a
 * loopback frame is written once (on receive), as libpcap shows it.
 */
public final class PcapExport implements AutoCloseable {
    private final Path dir;
    private final List<Capture> taps = new ArrayList<>();
    private final Map<NetDevice, OutputStream> files = new IdentityHashMap<>();
    private final byte[] rec = new byte[16];

    private PcapExport(Path dir) { this.dir = dir; }

    /** Starts exporting every frame of {@code emu} into {@code dir} (created if missing). */
    public static PcapExport attach(dev.nsnet.kernel.core.Emulation emu, Path dir) throws IOException {
        Files.createDirectories(dir);
        PcapExport x = new PcapExport(dir);
        for (Host h : emu.hosts()) for (NetNamespace ns : h.namespaces()) x.tap(ns);
        emu.netnsCreated = x::tap;
        return x;
    }

    private void tap(NetNamespace ns) {
        taps.add(Capture.openSink(ns, null, this::frame));
    }

    private void frame(NetDevice dev, int pktType, long ts, byte[] b, int off, int len) {
        if (pktType == SkBuff.PACKET_OUTGOING && dev == dev.ns.loopback) return;
        try {
            OutputStream out = files.get(dev);
            if (out == null) {
                out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(fileName(dev))));
                byte[] h = new byte[24];
                le32(h, 0, 0xa1b2c3d4);
                h[4] = 2;
                h[6] = 4;
                le32(h, 16, 262144);
                le32(h, 20, 1);
                out.write(h);
                files.put(dev, out);
            }
            int cap = Math.min(len, 262144);
            le32(rec, 0, (int) (ts / 1_000_000_000L));
            le32(rec, 4, (int) (ts % 1_000_000_000L / 1000));
            le32(rec, 8, cap);
            le32(rec, 12, len);
            out.write(rec);
            out.write(b, off, cap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(NetDevice dev) {
        NetNamespace ns = dev.ns;
        String n = ns == ns.host.rootNs ? "root" : ns.name() != null ? ns.name() : "ns" + ns.inum;
        return (ns.host.hostname + "-" + n + "-" + dev.name + ".pcap").replace('/', '_');
    }

    private static void le32(byte[] b, int o, int v) {
        b[o] = (byte) v; b[o + 1] = (byte) (v >>> 8); b[o + 2] = (byte) (v >>> 16); b[o + 3] = (byte) (v >>> 24);
    }

    /** The files written so far. */
    public int files() { return files.size(); }

    @Override
    public void close() throws IOException {
        for (Capture c : taps) c.close();
        for (OutputStream o : files.values()) o.close();
        files.clear();
    }
}
