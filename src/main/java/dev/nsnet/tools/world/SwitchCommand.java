package dev.nsnet.tools.world;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.world.PortSecurity;
import dev.nsnet.world.Switch;
import dev.nsnet.world.World;
import dev.nsnet.world.WorldException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nsnet-world switch ...}: add a switch, cable NICs into its ports with optional port
 * security ({@code max-macs N}, {@code allow MAC[,IP...]}), and show its MAC table, ports and
 * drop counters. docs/world.md.
 */
final class SwitchCommand {
    private SwitchCommand() { }

    static int run(World w, long now, PrintStream out, List<String> a, PrintStream err) {
        if (a.size() == 2 && a.get(0).equals("add")) {
            w.addSwitch(a.get(1));
            return 0;
        }
        if (a.size() >= 3 && a.get(0).equals("port")) {
            port(w, w.switchNamed(a.get(1)), w.nic(a.get(2)), a.subList(3, a.size()));
            return 0;
        }
        if (a.size() == 2 && a.get(0).equals("show")) {
            show(w.switchNamed(a.get(1)), now, out);
            return 0;
        }
        err.print(NsnetWorld.HELP.get("switch"));
        return 2;
    }

    /**
     * Options after {@code port NAME HOST:DEV}. A NIC not yet cabled is plugged into the next
     * port; a NIC already in a port of this switch gets the new port-security options (so a
     * platform can lock a port after plugging it).
     */
    static void port(World w, Switch s, NetDevice nic, List<String> opts) {
        long delay = 0;
        boolean delayGiven = false;
        int maxMacs = -1;
        boolean allowAny = false;
        List<long[]> allow = new ArrayList<>();   // {mac, ip, ip, ...}
        for (int i = 0; i < opts.size(); i += 2) {
            String k = opts.get(i);
            if (i + 1 >= opts.size()) throw new WorldException("\"" + k + "\" needs a value");
            String v = opts.get(i + 1);
            switch (k) {
                case "delay" -> {
                    delay = NsnetWorld.parseDuration(v);
                    if (delay < 0) throw new WorldException("bad duration \"" + v + "\" (e.g. 0, 100us, 2ms, 1s)");
                    delayGiven = true;
                }
                case "max-macs" -> maxMacs = parseMaxMacs(v);
                case "allow" -> {
                    if (v.equals("any")) allowAny = true;
                    else allow.add(parseAllow(v));
                }
                default -> throw new WorldException("unexpected \"" + k + "\" (expected: delay DURATION, max-macs N, allow MAC[,IP...])");
            }
        }
        Switch.Port p = w.portOf(nic);
        if (p != null && p.owner() == s) {
            if (delayGiven) throw new WorldException(World.nicLabel(nic) + " is already in " + p.label() + " (delay is set when plugging)");
            if (maxMacs < 0 && !allowAny && allow.isEmpty()) throw new WorldException(World.nicLabel(nic) + " is already in " + p.label());
        } else {
            w.plug(s, nic, delay);
            p = w.portOf(nic);
        }
        configure(p.security, maxMacs, allowAny, allow);
    }

    static void configure(PortSecurity sec, int maxMacs, boolean allowAny, List<long[]> allow) {
        if (maxMacs >= 0) sec.maxMacs = maxMacs;
        if (allowAny) sec.allowAny();
        for (long[] e : allow) {
            int[] ips = new int[e.length - 1];
            for (int j = 1; j < e.length; j++) ips[j - 1] = (int) e[j];
            sec.allow(e[0], ips);
        }
    }

    static int parseMaxMacs(String v) {
        if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
            throw new WorldException("bad max-macs \"" + v + "\" (a number; 0 means no limit)");
        }
        return Integer.parseInt(v);
    }

    /** "MAC[,IP...]" as {mac, ip...}. */
    static long[] parseAllow(String v) {
        String[] parts = v.split(",", -1);
        long mac = Mac.parse(parts[0]);
        if (mac < 0 || !Mac.isValidUnicast(mac)) throw new WorldException("bad allow \"" + v + "\": \"" + parts[0] + "\" is not a unicast MAC address");
        long[] e = new long[parts.length];
        e[0] = mac;
        for (int i = 1; i < parts.length; i++) {
            Integer ip = Inet4.parse(parts[i]);
            if (ip == null) throw new WorldException("bad allow \"" + v + "\": \"" + parts[i] + "\" is not an IPv4 address");
            e[i] = ip & 0xffffffffL;
        }
        return e;
    }

    static void show(Switch s, long now, PrintStream out) {
        out.println("switch " + s.name + ": " + s.ports().size() + " ports, forwarded " + s.forwarded
                + ", flooded " + s.flooded + ", filtered " + s.filtered
                + (s.securityDrops() > 0 ? ", port-security drops " + s.securityDrops() : ""));
        for (Switch.Port p : s.ports()) {
            StringBuilder sb = new StringBuilder("  port ").append(p.number).append(" -> ")
                    .append(p.cable() == null ? "nothing" : p.cable().other(p).label())
                    .append(p.hasLink() ? " link" : " no-link")
                    .append(" rx ").append(p.rxFrames).append(" tx ").append(p.txFrames)
                    .append(" macs ").append(s.macsOn(p.number));
            PortSecurity sec = p.security;
            if (sec.maxMacs > 0) sb.append(" max-macs ").append(sec.maxMacs);
            for (String a : sec.allowedWords()) sb.append(" allow ").append(a);
            if (sec.maxMacs > 0 || sec.restrictsAddresses() || sec.dropped() > 0) {
                sb.append(" dropped ").append(sec.dropped()).append(" (mac-limit ").append(sec.droppedMacLimit)
                        .append(", source MAC ").append(sec.droppedSrcMac).append(", source IP ").append(sec.droppedSrcIp).append(')');
            }
            out.println(sb);
        }
        long[][] table = s.macTable();
        if (table.length > 0) out.println("  mac table:");
        for (long[] e : table) {
            long age = (now - e[2]) / 1_000_000_000L;
            out.println("    " + Mac.format(e[0]) + " port " + e[1] + " age " + age + "s");
        }
    }
}
