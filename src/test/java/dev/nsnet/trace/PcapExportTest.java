package dev.nsnet.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nsnet.scenario.Session;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nsnet run --pcap: a file per device of every namespace, created later ones included, each frame once. */
class PcapExportTest {
    @TempDir
    Path dir;

    private static int frames(Path f) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0));
        assertEquals(1, b.getInt(20));
        b.position(24);
        int n = 0;
        while (b.remaining() >= 16) {
            b.position(b.position() + 8);
            int cap = b.getInt();
            b.getInt();
            b.position(b.position() + cap);
            n++;
        }
        return n;
    }

    @Test
    void everyDeviceOfEveryNamespace() throws Exception {
        Session s = new Session(3);
        PcapExport x = PcapExport.attach(s.emulation, dir);
        for (String l : List.of("sysctl -q -w net.ipv6.conf.all.disable_ipv6=1", "ip netns add a",
                "ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02 netns a",
                "ip addr add 10.0.0.1/24 dev veth0", "ip -n a addr add 10.0.0.2/24 dev veth1", "ip link set veth0 up",
                "ip -n a link set veth1 up", "ip link set lo up", "ping -c 1 10.0.0.2", "ping -c 1 127.0.0.1")) {
            s.capture(l);
        }
        x.close();
        assertNull(s.host.rootNs.taps);
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("nsnet-a-veth1.pcap", "nsnet-root-lo.pcap", "nsnet-root-veth0.pcap"), names);
        assertEquals(4, frames(dir.resolve("nsnet-root-veth0.pcap"))); // ARP request, reply, echo, reply
        assertEquals(4, frames(dir.resolve("nsnet-a-veth1.pcap")));
        assertEquals(2, frames(dir.resolve("nsnet-root-lo.pcap"))); // once each, on receive
    }
}
