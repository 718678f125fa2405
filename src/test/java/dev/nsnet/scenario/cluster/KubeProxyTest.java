package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeProxyTest {
    /** Chain names seen on real clusters (kubeadm's default Services) in kube-proxy's own dumps. */
    @Test
    void chainHashesAreKubeProxys() {
        assertEquals("NPX46M4PTMTKRN6Y", KubeProxy.portProtoHash("default/kubernetes:https", "tcp"));
        assertEquals("TCOU7JCQXEZGVUNU", KubeProxy.portProtoHash("kube-system/kube-dns:dns", "udp"));
        assertEquals("ERIFXISQEP7F7OF4", KubeProxy.portProtoHash("kube-system/kube-dns:dns-tcp", "tcp"));
        assertEquals("JD5MR3NA4I4DYORP", KubeProxy.portProtoHash("kube-system/kube-dns:metrics", "tcp"));
    }

    @Test
    void base32IsRfc4648() {
        assertEquals("MZXW6YTBOI", KubeProxy.base32("foobar".getBytes()));
        assertEquals("MY", KubeProxy.base32("f".getBytes()));
    }

    @Test
    void probabilitiesAreOneOverTheEndpointsLeft() {
        assertEquals("0.3333333333", KubeProxy.probability(3));
        assertEquals("0.5000000000", KubeProxy.probability(2));
    }

    @Test
    void threeEndpointsSplitOneThirdThenOneHalfThenTheRest() {
        var svc = new ClusterSpec.Service("default", "web", "http", 0x0a60000a, 80, 8080, "TCP", List.of("a", "b", "c"));
        String in = KubeProxy.restoreInput(List.of(svc), Map.of("a", 0x0af40102, "b", 0x0af40202, "c", 0x0af40302), false, "10.244.0.0/16");
        String chain = "KUBE-SVC-" + KubeProxy.portProtoHash("default/web:http", "tcp");
        assertTrue(in.contains("-A " + chain + " -m comment --comment \"default/web:http -> 10.244.1.2:8080\" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-"), in);
        assertTrue(in.contains("-m comment --comment \"default/web:http -> 10.244.2.2:8080\" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-"), in);
        assertTrue(in.contains("-A " + chain + " -m comment --comment \"default/web:http -> 10.244.3.2:8080\" -j KUBE-SEP-"), in);
        assertTrue(in.startsWith("*filter\n:KUBE-SERVICES - [0:0]\n"), in);
        assertTrue(in.endsWith("COMMIT\n"), in);
    }

    @Test
    void aServiceWithoutEndpointsIsRejectedInFilter() {
        var svc = new ClusterSpec.Service("default", "none", "", 0x0a60000b, 80, 80, "TCP", List.of());
        String in = KubeProxy.restoreInput(List.of(svc), Map.of(), false, "10.244.0.0/16");
        assertTrue(in.contains("-A KUBE-SERVICES -m comment --comment \"default/none has no endpoints\" -m tcp -p tcp -d 10.96.0.11 --dport 80 -j REJECT\n"), in);
        assertTrue(!in.contains("KUBE-SVC-"), in);
    }

    @Test
    void masqueradeAllMarksEveryClusterIpPacket() {
        var svc = new ClusterSpec.Service("default", "web", "", 0x0a60000a, 80, 80, "TCP", List.of("a"));
        String in = KubeProxy.restoreInput(List.of(svc), Map.of("a", 0x0af40102), true, "10.244.0.0/16");
        assertTrue(in.contains("-m comment --comment \"default/web cluster IP\" -m tcp -p tcp -d 10.96.0.10 --dport 80 -j KUBE-MARK-MASQ\n"), in);
        assertTrue(!in.contains("! -s 10.244.0.0/16"), in);
    }
}
