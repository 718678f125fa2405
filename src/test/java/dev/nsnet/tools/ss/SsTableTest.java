package dev.nsnet.tools.ss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ss's column layout against what iproute2 6.1 printed into a pipe (no terminal width; note the trailing blanks). */
class SsTableTest {
    @Test
    void headerOnly() {
        SsTable t = new SsTable();
        t.disabled[SsTable.NETID] = true;
        t.header();
        assertEquals("State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n", t.render());
    }

    @Test
    void listenersAndConnectionsTakeTheWidthOfTheirLongestField() {
        SsTable t = new SsTable();
        t.disabled[SsTable.NETID] = true;
        t.header();
        t.row("tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "12345", "0.0.0.0:", "*", "", "");
        t.row("tcp", "ESTAB", "0     ", "0     ", "10.0.0.2:", "12345", "10.0.0.1:", "58140", "", "");
        assertEquals("State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
                + "LISTEN 0      1            0.0.0.0:12345      0.0.0.0:*           \n"
                + "ESTAB  0      0           10.0.0.2:12345     10.0.0.1:58140       \n", t.render());
    }

    @Test
    void netidColumnAndNoHeader() {
        SsTable t = new SsTable();
        t.header();
        t.row("udp", "UNCONN", "0     ", "0     ", "0.0.0.0:", "5353", "0.0.0.0:", "*", "", "");
        t.row("tcp", "LISTEN", "0     ", "1     ", "10.0.0.2:", "8080", "0.0.0.0:", "*", "", "");
        assertEquals("Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
                + "udp   UNCONN 0      0            0.0.0.0:5353      0.0.0.0:*          \n"
                + "tcp   LISTEN 0      1           10.0.0.2:8080      0.0.0.0:*          \n", t.render());
        SsTable h = new SsTable();
        h.disabled[SsTable.NETID] = true;
        h.row("tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "8080", "0.0.0.0:", "*", "", "");
        assertEquals("LISTEN 0      1      0.0.0.0:8080 0.0.0.0:*\n", h.render());
    }
}
