package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.wire.Bytes;
import java.util.HashMap;
import java.util.Map;

/**
 * tcpdump 4.99.3's print-tcp.c {@code tcp_print}: flags, sequence numbers relative to the first
 * packet with ACK of each connection (its {@code tcp_seq_hash} table, kept here for the whole
 * capture), window, urgent pointer, options, RST data under -v, and HTTP's request or status line
 * on ports 80/8080 (print-http.c / util-print.c {@code txtproto_print}).
 */
final class TcpPrinter {
    private final IpPrinter ip;
    private final PrintOptions o;
    /** tcp_seq_hash: (src, dst, ports) in canonical order -> {seq, ack} bases. */
    private final Map<String, long[]> tcpSeq = new HashMap<>();

    TcpPrinter(IpPrinter ip) {
        this.ip = ip;
        this.o = ip.o;
    }

    void tcp(StringBuilder sb, byte[] b, int p, int length, int caplen, int iph, boolean fragmented) {
        if (caplen < 4) {
            sb.append(ip.host(b, iph + 12)).append(" > ").append(ip.host(b, iph + 16)).append(":").append(" [|tcp]");
            return;
        }
        int sport = Bytes.u16(b, p), dport = Bytes.u16(b, p + 2);
        ip.addrPorts(sb, b, iph, sport, dport, true);
        if (caplen < 20) {
            sb.append("[|tcp]");
            return;
        }
        int hlen = ((b[p + 12] & 0xff) >>> 4) * 4;
        if (hlen < 20) {
            sb.append(" tcp ").append(length - hlen).append(" [bad hdr length ").append(hlen).append(" - too short, < 20]");
            return;
        }
        long seq = Bytes.i32(b, p + 4) & 0xffffffffL, ack = Bytes.i32(b, p + 8) & 0xffffffffL;
        int win = Bytes.u16(b, p + 14), urp = Bytes.u16(b, p + 18);
        if (o.qflag) {
            sb.append("tcp ").append(length - hlen);
            if (hlen > length) sb.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(length).append("]");
            return;
        }
        int flags = b[p + 13] & 0xff;
        sb.append("Flags [").append(tcpFlags(flags)).append("]");
        long thseq = 0, thack = 0;
        boolean rev = false;
        if (!o.sflagAbsolute && (flags & 0x10) != 0) {
            long src = Bytes.i32(b, iph + 12) & 0xffffffffL, dst = Bytes.i32(b, iph + 16) & 0xffffffffL;
            if (sport > dport) rev = true;
            else if (sport == dport && Long.compareUnsigned(src, dst) > 0) rev = true;
            String key = rev ? dst + ">" + src + ":" + dport + ":" + sport : src + ">" + dst + ":" + sport + ":" + dport;
            long[] th = tcpSeq.get(key);
            if (th == null || (flags & 0x02) != 0) {
                th = new long[2];
                if (rev) { th[1] = seq; th[0] = (ack - 1) & 0xffffffffL; }
                else { th[0] = seq; th[1] = (ack - 1) & 0xffffffffL; }
                tcpSeq.put(key, th);
            } else if (rev) {
                seq = (seq - th[1]) & 0xffffffffL;
                ack = (ack - th[0]) & 0xffffffffL;
            } else {
                seq = (seq - th[0]) & 0xffffffffL;
                ack = (ack - th[1]) & 0xffffffffL;
            }
            thseq = th[0];
            thack = th[1];
        }
        if (hlen > length) {
            sb.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(length).append("]");
            return;
        }
        if (o.vflag > 0 && !fragmented && caplen >= length) {
            int tcpSum = Bytes.u16(b, p + 16);
            int sum = IpPrinter.l4Sum(b, iph, p, length, 6);
            sb.append(String.format(", cksum 0x%04x", tcpSum));
            if (sum != 0) sb.append(String.format(" (incorrect -> 0x%04x)", IpPrinter.shouldBe(tcpSum, sum)));
            else sb.append(" (correct)");
        }
        int dlen = length - hlen;
        if (o.vflag > 1 || dlen > 0 || (flags & 0x07) != 0) {
            sb.append(", seq ").append(seq);
            if (dlen > 0) sb.append(':').append((seq + dlen) & 0xffffffffL);
        }
        if ((flags & 0x10) != 0) sb.append(", ack ").append(ack);
        sb.append(", win ").append(win);
        if ((flags & 0x20) != 0) sb.append(", urg ").append(urp);
        if (hlen > 20) {
            if (caplen < hlen) {
                sb.append(", options [|tcp]");
                return;
            }
            if (!tcpOptions(sb, b, p + 20, hlen - 20, rev, thseq, thack)) return;
        }
        sb.append(", length ").append(dlen);
        if (dlen <= 0) return;
        int data = p + hlen;
        int avail = caplen - hlen;
        if ((flags & 0x04) != 0 && o.vflag > 0) {
            sb.append(" [RST");
            for (int i = 0; i < Math.min(avail, dlen); i++) {
                int c = b[data + i] & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : ".");
            }
            sb.append(']');
            return;
        }
        if (sport == 80 || dport == 80 || sport == 8080 || dport == 8080) {
            sb.append(": ");
            http(sb, b, data, Math.min(dlen, avail));
        }
    }

    private static String tcpFlags(int f) {
        StringBuilder s = new StringBuilder();
        if ((f & 0x01) != 0) s.append('F');
        if ((f & 0x02) != 0) s.append('S');
        if ((f & 0x04) != 0) s.append('R');
        if ((f & 0x08) != 0) s.append('P');
        if ((f & 0x10) != 0) s.append('.');
        if ((f & 0x20) != 0) s.append('U');
        if ((f & 0x40) != 0) s.append('E');
        if ((f & 0x80) != 0) s.append('W');
        return s.length() == 0 ? "none" : s.toString();
    }

    /** The TCP options list; false after a malformed option ("[bad opt]" printed). */
    private boolean tcpOptions(StringBuilder sb, byte[] b, int cp, int hlen, boolean rev, long thseq, long thack) {
        sb.append(", options [");
        boolean first = true;
        while (hlen > 0) {
            if (!first) sb.append(',');
            first = false;
            int opt = b[cp++] & 0xff;
            int len;
            if (opt == 0 || opt == 1) len = 1;
            else {
                len = b[cp] & 0xff;
                if (len < 2 || len > hlen) {
                    sb.append(optName(opt)).append("]").append(" [bad opt]");
                    return false;
                }
                cp++;
            }
            hlen--;
            if (len > 1) hlen--;
            int datalen = 0;
            sb.append(optName(opt));
            switch (opt) {
                case 2 -> { datalen = 2; sb.append(' ').append(Bytes.u16(b, cp)); }
                case 3 -> { datalen = 1; sb.append(' ').append(b[cp] & 0xff); }
                case 5 -> {
                    datalen = len - 2;
                    if (datalen % 8 != 0) sb.append(" invalid sack");
                    else {
                        sb.append(' ').append(datalen / 8).append(' ');
                        for (int i = 0; i < datalen; i += 8) {
                            long s = Bytes.i32(b, cp + i) & 0xffffffffL, e = Bytes.i32(b, cp + i + 4) & 0xffffffffL;
                            long base = rev ? thseq : thack;
                            sb.append('{').append((s - base) & 0xffffffffL).append(':').append((e - base) & 0xffffffffL).append('}');
                        }
                    }
                }
                case 8 -> {
                    datalen = 8;
                    sb.append(" val ").append(Bytes.i32(b, cp) & 0xffffffffL).append(" ecr ").append(Bytes.i32(b, cp + 4) & 0xffffffffL);
                }
                case 0, 1, 4 -> { }
                default -> {
                    datalen = len - 2;
                    if (datalen > 0) sb.append(" 0x");
                    for (int i = 0; i < datalen; i++) sb.append(String.format("%02x", b[cp + i] & 0xff));
                }
            }
            cp += datalen;
            hlen -= datalen;
            if (opt != 0 && opt != 1 && datalen != len - 2) sb.append("[len ").append(len).append("]");
            if (opt == 0) break;
        }
        sb.append("]");
        return true;
    }

    private static String optName(int opt) {
        return switch (opt) {
            case 0 -> "eol";
            case 1 -> "nop";
            case 2 -> "mss";
            case 3 -> "wscale";
            case 4 -> "sackOK";
            case 5 -> "sack";
            case 8 -> "TS";
            case 19 -> "md5";
            case 28 -> "uto";
            case 30 -> "mptcp";
            case 34 -> "tfo";
            default -> "unknown-" + opt;
        };
    }

    private static final String[] HTTP_CMDS = {"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
        "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY",
        "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH",
        "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
        "VERSION-CONTROL", "BASELINE-CONTROL"};

    /** http_print() = txtproto_print(): "HTTP", then the request or status line when it is one. */
    private void http(StringBuilder sb, byte[] b, int p, int len) {
        boolean printThis = false;
        int[] end = new int[1];
        String tok = fetchToken(b, p, 0, len, end);
        if (tok != null) {
            for (String c : HTTP_CMDS) if (c.equalsIgnoreCase(tok)) printThis = true;
            tok = fetchToken(b, p, end[0], len, end);
            if (tok != null && tok.length() == 3 && Character.isDigit(tok.charAt(0)) && Character.isDigit(tok.charAt(1))
                    && Character.isDigit(tok.charAt(2))) printThis = true;
        }
        sb.append("HTTP");
        if (!printThis) return;
        if (o.vflag > 0) {
            sb.append(", length: ").append(len);
            int idx = 0;
            while (idx < len) {
                int eol = txtLine(sb, "\n\t", b, p, idx, len);
                if (eol == 0) break;
                idx = eol;
            }
        } else txtLine(sb, ": ", b, p, 0, len);
    }

    private static String fetchToken(byte[] b, int p, int idx, int len, int[] next) {
        StringBuilder t = new StringBuilder();
        for (; idx < len; idx++) {
            int c = b[p + idx] & 0xff;
            if (c >= 0x80) return null;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
            if (c < 0x20 || c == 0x7f) return null;
            if (t.length() + 2 > 128) return null;
            t.append((char) c);
        }
        if (t.length() == 0) return null;
        for (; idx < len; idx++) {
            int c = b[p + idx] & 0xff;
            if (c == '\r' || c == '\n') break;
            if (c < 0x20 || c >= 0x7f) break;
            if (c != ' ' && c != '\t') break;
        }
        next[0] = idx;
        return t.toString();
    }

    /** print_txt_line(): one CRLF/LF-terminated printable line; 0 when there is none. */
    private static int txtLine(StringBuilder sb, String prefix, byte[] b, int p, int idx, int len) {
        int start = idx;
        int lineLen;
        while (idx < len) {
            int c = b[p + idx] & 0xff;
            if (c == '\n') {
                lineLen = idx - start;
                idx++;
                sb.append(prefix).append(new String(b, p + start, lineLen, java.nio.charset.StandardCharsets.ISO_8859_1));
                return idx;
            } else if (c == '\r') {
                if (idx + 1 >= len) return 0;
                if (b[p + idx + 1] == '\n') {
                    lineLen = idx - start;
                    sb.append(prefix).append(new String(b, p + start, lineLen, java.nio.charset.StandardCharsets.ISO_8859_1));
                    return idx + 2;
                }
                return 0;
            } else if ((c < 0x20 || c >= 0x7f) && c != '\t') return 0;
            idx++;
        }
        sb.append(prefix).append(new String(b, p + start, idx - start, java.nio.charset.StandardCharsets.ISO_8859_1)).append(" [|http]");
        return 0;
    }

}
