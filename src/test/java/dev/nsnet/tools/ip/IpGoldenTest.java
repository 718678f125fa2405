package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ip link} and {@code ip netns} commands of the golden scenarios recorded on the real
 * kernel (golden/*.out, made by scripts/record-golden.sh in a fresh sandbox) must print exactly
 * what the real iproute2 6.1 printed, with the same exit statuses.
 */
class IpGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"010-link-veth-basic", "011-link-veth-peer-netns", "013-link-set-attributes",
            "014-link-errors", "015-link-netns-move", "100-fmt-link-json", "101-fmt-link-brief-oneline",
            "104-fmt-link-stats", "105-fmt-link-details", "110-fmt-netns-list", "120-err-link-args",
            "125-err-netns-args", "132-route-link-down-up", "140-ping-broadcast", "142-rule-tables-ping",
            "144-link-rename-up", "145-link-set-combined", "146-netns-veth-views"})
    void linkAndNetnsBlocksMatch(String scenario) throws Exception {
        List<String> d = IpGolden.diffs(scenario, IpGolden::linkOrNetns);
        assertEquals("", String.join("\n", d));
    }

    @ParameterizedTest
    @ValueSource(strings = {"095-ip-errors", "016-link-delete", "017-link-show-formats", "070-netns-basic",
            "071-netns-errors", "072-netns-isolation", "012-link-ifindex-numbering", "018-link-stats-after-ping",
            "002-world-lo-ipv4-only", "019-link-qdisc-and-flags", "126-err-help-texts"})
    void frontEndBlocksMatch(String scenario) throws Exception {
        List<String> d = IpGolden.diffs(scenario, IpGolden::ipFrontEnd);
        assertEquals("", String.join("\n", d));
    }

    /**
     * Scenarios written for this front-end (src/test/resources/dev/nsnet/tools/ip/NAME.sh), recorded
     * on the real kernel with {@code scripts/record-golden.sh -o src/test/resources/dev/nsnet/tools/ip
     * src/test/resources/dev/nsnet/tools/ip/NAME.sh}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ip-global", "ip-link-more", "ip-netns-more", "ip-link-json", "ip-link-netns", "ip-link-misc", "ip-link-stats", "ip-link-group", "ip-link-props", "ip-netns-ids", "ip-batch", "ip-netns-nsids", "ip-link-create", "ip-maddr", "ip-link-kind-help", "ip-link-filters"})
    void recordedIpScenariosMatch(String name) throws Exception {
        List<String> d = IpGolden.diffs(IpGolden.resource(name), c -> c.startsWith("ip") || c.contains("| ip "));
        assertEquals("", String.join("\n", d));
    }
}
