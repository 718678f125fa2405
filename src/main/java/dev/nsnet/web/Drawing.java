package dev.nsnet.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Layout} the way the article's figures do: hosts and namespaces as nested boxes,
 * devices as small boxes coloured by kind, wires between them, and the packet's path in red. One
 * drawing routine, two canvases: SVG text (the page and the SVG export; elements carry
 * {@code data-id} and classes for the page's script) and a Java2D image (the PNG export).
 */
public final class Drawing {
    private Drawing() { }

    /** What to paint red: the devices and wires a packet passed, and where it is now. */
    public record Highlight(Set<String> nodes, Set<String> edges, String current, java.util.List<java.util.List<String>> hops,
                            Set<String> drops) {
        public static final Highlight NONE = new Highlight(Set.of(), Set.of(), null, java.util.List.of(), Set.of());
    }

    /** A hop through a namespace's IP stack: from the bottom middle of one box to the other's. */
    static double[] hopLine(Layout l, java.util.List<String> hop) {
        Layout.Box a = l.boxes.get(hop.get(0)), b = l.boxes.get(hop.get(1));
        if (a == null || b == null) return null;
        return new double[] {a.x() + a.w() / 2, a.y() + a.h() / 2, b.x() + b.w() / 2, b.y() + b.h() / 2};
    }

    static final String RED = "#d62728", DROP_FILL = "#f4a6a6", DROP_STROKE = "#7f0000";

    /** The PNG export's size limit (about 64 MB of image memory). */
    static final double MAX_PNG_PIXELS = 16_000_000;

    /** Fill and stroke per kind. */
    static String[] style(String kind) {
        return switch (kind) {
            case "host" -> new String[] {"#f7f7f2", "#555555"};
            case "netns" -> new String[] {"#eef4fb", "#6b8fb8"};
            case "switch" -> new String[] {"#fff4dc", "#b8860b"};
            case "bridge" -> new String[] {"#e3f2e1", "#3c8d3c"};
            case "veth" -> new String[] {"#ffffff", "#4a6fa5"};
            case "nic" -> new String[] {"#fdebd3", "#c96f00"};
            case "macvlan", "ipvlan", "vlan" -> new String[] {"#f1e6fa", "#7d4fa8"};
            case "vxlan" -> new String[] {"#e0f5f5", "#1f8a8a"};
            default -> new String[] {"#ffffff", "#777777"};
        };
    }

    static String[] wireStyle(String kind) { // stroke, dash
        return switch (kind) {
            case "veth" -> new String[] {"#4a6fa5", ""};
            case "port" -> new String[] {"#3c8d3c", ""};
            case "lower" -> new String[] {"#7d4fa8", "5,3"};
            case "cable" -> new String[] {"#333333", ""};
            case "tunnel" -> new String[] {"#1f8a8a", "2,4"};
            default -> new String[] {"#777777", ""};
        };
    }

    /** The drawing as a standalone SVG document. */
    public static String svg(Layout l, Highlight hl) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        int w = (int) Math.ceil(l.width), h = (int) Math.ceil(l.height);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"drawing\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"11\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (Layout.Box b : l.boxes.values()) {
            String k = b.node().kind();
            if (!k.equals("host") && !k.equals("netns")) continue;
            String[] st = style(k);
            sb.append("<g class=\"box ").append(k).append("\" data-id=\"").append(esc(b.node().id())).append("\">");
            rect(sb, b, st[0], st[1], k.equals("host") ? 2 : 1, k.equals("host") ? "" : "6,3");
            text(sb, b.x() + 8, b.y() + 16, b.node().label(), true, k.equals("host") ? 13 : 11, "#222222");
            sb.append("</g>\n");
        }
        for (Layout.Wire wr : l.wires) {
            boolean hot = hl.edges().contains(wr.edge().id());
            String[] ws = wireStyle(wr.edge().kind());
            sb.append("<polyline class=\"wire ").append(wr.edge().kind()).append(hot ? " hot" : "")
                    .append("\" data-id=\"").append(esc(wr.edge().id()))
                    .append("\" data-a=\"").append(esc(wr.edge().a())).append("\" data-b=\"").append(esc(wr.edge().b()))
                    .append("\" fill=\"none\" stroke=\"").append(hot ? RED : ws[0]).append("\" stroke-width=\"")
                    .append(hot ? 3 : 1.5).append('"');
            if (!ws[1].isEmpty()) sb.append(" stroke-dasharray=\"").append(ws[1]).append('"');
            sb.append(" points=\"");
            double[] p = wr.points();
            for (int i = 0; i + 1 < p.length; i += 2) sb.append(i == 0 ? "" : " ").append(num(p[i])).append(',').append(num(p[i + 1]));
            sb.append("\"/>\n");
        }
        sb.append("<g id=\"hops\">");
        for (java.util.List<String> hop : hl.hops()) {
            double[] p = hopLine(l, hop);
            if (p == null) continue;
            sb.append("<line class=\"hop\" x1=\"").append(num(p[0])).append("\" y1=\"").append(num(p[1]))
                    .append("\" x2=\"").append(num(p[2])).append("\" y2=\"").append(num(p[3]))
                    .append("\" stroke=\"").append(RED).append("\" stroke-width=\"3\" stroke-dasharray=\"6,4\"/>");
        }
        sb.append("</g>\n");
        for (Layout.Box b : l.boxes.values()) {
            String k = b.node().kind();
            if (k.equals("host") || k.equals("netns")) continue;
            boolean hot = hl.nodes().contains(b.node().id());
            boolean cur = b.node().id().equals(hl.current());
            boolean dropped = hl.drops().contains(b.node().id());
            String[] st = style(k);
            sb.append("<g class=\"dev ").append(k).append(hot ? " hot" : "").append(cur ? " current" : "")
                    .append(dropped ? " dropped" : "").append("\" data-id=\"").append(esc(b.node().id())).append("\">");
            sb.append("<title>").append(esc(b.node().id().substring(2))).append("</title>");
            rect(sb, b, dropped ? DROP_FILL : cur ? "#ffd9d9" : st[0], dropped ? DROP_STROKE : hot ? RED : st[1], hot ? 3 : 1.5, "");
            text(sb, b.x() + 8, b.y() + 15, b.node().label(), true, 12, "#111111");
            // a drop is marked in the box's corner (the page's script shows and hides it)
            sb.append("<text class=\"drop-mark\" x=\"").append(num(b.x() + b.w() - 6)).append("\" y=\"").append(num(b.y() + 15))
                    .append("\" text-anchor=\"end\" font-weight=\"bold\" fill=\"").append(DROP_STROKE).append('"')
                    .append(dropped ? "" : " display=\"none\"").append(">DROP</text>");
            double y = b.y() + 15;
            for (String line : b.node().lines()) {
                y += Layout.LINE_H;
                text(sb, b.x() + 8, y, line, false, 11, "#333333");
            }
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void rect(StringBuilder sb, Layout.Box b, String fill, String stroke, double sw, String dash) {
        sb.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"")
                .append(num(b.w())).append("\" height=\"").append(num(b.h())).append("\" rx=\"5\" fill=\"").append(fill)
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(sw).append('"');
        if (!dash.isEmpty()) sb.append(" stroke-dasharray=\"").append(dash).append('"');
        sb.append("/>");
    }

    private static void text(StringBuilder sb, double x, double y, String s, boolean bold, int size, String fill) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (bold) sb.append(" font-weight=\"bold\"");
        if (size != 11) sb.append(" font-size=\"").append(size).append('"');
        sb.append(" fill=\"").append(fill).append("\">").append(esc(s)).append("</text>");
    }

    static String num(double d) {
        long r = Math.round(d * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The drawing as a PNG image (the same shapes, painted with Java2D, headless). */
    public static byte[] png(Layout l, Highlight hl) throws IOException {
        // at most MAX_PNG_PIXELS (a drawing of hundreds of pods is scaled down, not a heap of gigabytes)
        double scale = Math.min(1.0, Math.sqrt(MAX_PNG_PIXELS / Math.max(1.0, l.width * l.height)));
        int w = Math.max(1, (int) Math.ceil(l.width * scale)), h = Math.max(1, (int) Math.ceil(l.height * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, (int) Math.ceil(l.width) + 1, (int) Math.ceil(l.height) + 1);
            Font plain = new Font(Font.MONOSPACED, Font.PLAIN, 11), bold = new Font(Font.MONOSPACED, Font.BOLD, 12);
            for (Layout.Box b : l.boxes.values()) {
                String k = b.node().kind();
                if (!k.equals("host") && !k.equals("netns")) continue;
                String[] st = style(k);
                box(g, b, st[0], st[1], k.equals("host") ? 2 : 1, !k.equals("host"));
                g.setFont(k.equals("host") ? bold.deriveFont(13f) : bold.deriveFont(11f));
                g.setColor(Color.decode("#222222"));
                g.drawString(b.node().label(), (float) (b.x() + 8), (float) (b.y() + 16));
            }
            for (Layout.Wire wr : l.wires) {
                boolean hot = hl.edges().contains(wr.edge().id());
                String[] ws = wireStyle(wr.edge().kind());
                g.setColor(Color.decode(hot ? RED : ws[0]));
                g.setStroke(ws[1].isEmpty() || hot ? new BasicStroke(hot ? 3f : 1.5f)
                        : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
                double[] p = wr.points();
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i + 1 < p.length; i += 2) {
                    if (i == 0) path.moveTo(p[i], p[i + 1]);
                    else path.lineTo(p[i], p[i + 1]);
                }
                g.draw(path);
            }
            g.setColor(Color.decode(RED));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            for (java.util.List<String> hop : hl.hops()) {
                double[] p = hopLine(l, hop);
                if (p != null) g.draw(new java.awt.geom.Line2D.Double(p[0], p[1], p[2], p[3]));
            }
            for (Layout.Box b : l.boxes.values()) {
                String k = b.node().kind();
                if (k.equals("host") || k.equals("netns")) continue;
                boolean hot = hl.nodes().contains(b.node().id());
                boolean cur = b.node().id().equals(hl.current());
                boolean dropped = hl.drops().contains(b.node().id());
                String[] st = style(k);
                box(g, b, dropped ? DROP_FILL : cur ? "#ffd9d9" : st[0], dropped ? DROP_STROKE : hot ? RED : st[1], hot ? 3 : 1.5f, false);
                g.setColor(Color.decode("#111111"));
                g.setFont(bold);
                g.drawString(b.node().label(), (float) (b.x() + 8), (float) (b.y() + 15));
                if (dropped) {
                    g.setColor(Color.decode(DROP_STROKE));
                    g.drawString("DROP", (float) (b.x() + b.w() - 6 - g.getFontMetrics().stringWidth("DROP")), (float) (b.y() + 15));
                }
                g.setFont(plain);
                g.setColor(Color.decode("#333333"));
                double y = b.y() + 15;
                for (String line : b.node().lines()) {
                    y += Layout.LINE_H;
                    g.drawString(line, (float) (b.x() + 8), (float) y);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void box(Graphics2D g, Layout.Box b, String fill, String stroke, float sw, boolean dashed) {
        RoundRectangle2D.Double r = new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 10, 10);
        g.setColor(Color.decode(fill));
        g.fill(r);
        g.setColor(Color.decode(stroke));
        g.setStroke(dashed ? new BasicStroke(sw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f)
                : new BasicStroke(sw));
        g.draw(r);
    }
}
