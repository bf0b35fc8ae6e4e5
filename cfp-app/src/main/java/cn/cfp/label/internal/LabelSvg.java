package cn.cfp.label.internal;

import cn.cfp.label.LabelContent;
import cn.cfp.scheme.LabelMark;
import com.google.zxing.common.BitMatrix;
import java.awt.geom.AffineTransform;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** The label as SVG, drawn by code from {@link LabelLayout} [decision D6]. */
public final class LabelSvg {

    private static final String FONTS = "'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

    private LabelSvg() {
    }

    public static String render(LabelContent c, String payload, LabelMark mark, Optional<LabelArtwork.Artwork> artwork) {
        boolean national = mark == LabelMark.NATIONAL;
        String background = national ? LabelLayout.GREEN : "#FFFFFF";
        String ink = national ? "#FFFFFF" : LabelLayout.DARK_GREEN;
        String unitLine = LabelLayout.unitLine(c.unit(), c.functionalUnit());
        StringBuilder s = new StringBuilder(16_000);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ").append(n(LabelLayout.WIDTH)).append(' ')
                .append(n(LabelLayout.HEIGHT)).append("\" width=\"30mm\" height=\"").append(n(30 * LabelLayout.HEIGHT / LabelLayout.WIDTH))
                .append("mm\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"")
                .append(esc(LabelLayout.TITLE + " " + c.valueText() + " " + unitLine)).append("\">\n");
        s.append("<title>").append(esc(LabelLayout.TITLE + " " + c.valueText() + " " + unitLine + " · " + c.number())).append("</title>\n");
        s.append("<rect id=\"background\" x=\"0.5\" y=\"0.5\" width=\"").append(n(LabelLayout.WIDTH - 1)).append("\" height=\"")
                .append(n(LabelLayout.HEIGHT - 1)).append("\" rx=\"6\" fill=\"").append(background).append("\" stroke=\"")
                .append(LabelLayout.DARK_GREEN).append("\" stroke-width=\"1\"/>\n");
        if (national) {
            AffineTransform t = LabelLayout.graphicTransform();
            s.append("<g id=\"footprint\" fill=\"#FFFFFF\" transform=\"matrix(").append(n(t.getScaleX())).append(" 0 0 ")
                    .append(n(t.getScaleY())).append(' ').append(n(t.getTranslateX())).append(' ').append(n(t.getTranslateY())).append(")\">");
            s.append("<path d=\"").append(LabelLayout.SOLE).append("\"/>");
            for (double[] toe : LabelLayout.TOES) {
                s.append("<ellipse cx=\"").append(n(toe[0])).append("\" cy=\"").append(n(toe[1])).append("\" rx=\"").append(n(toe[2]))
                        .append("\" ry=\"").append(n(toe[3])).append("\"/>");
            }
            s.append("<path d=\"").append(LabelLayout.LEAF).append("\" fill=\"").append(LabelLayout.GREEN).append("\"/>");
            s.append("</g>\n");
        } else if (artwork.isPresent()) {
            s.append("<image id=\"body-mark\" x=\"").append(n(LabelLayout.MARK_X)).append("\" y=\"").append(n(LabelLayout.MARK_Y))
                    .append("\" width=\"").append(n(LabelLayout.MARK_W)).append("\" height=\"").append(n(LabelLayout.MARK_H))
                    .append("\" preserveAspectRatio=\"xMidYMid meet\" href=\"data:").append(artwork.get().mediaType()).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(artwork.get().bytes())).append("\"/>\n");
        } else {
            s.append("<g id=\"body-mark-placeholder\"><rect x=\"").append(n(LabelLayout.MARK_X)).append("\" y=\"").append(n(LabelLayout.MARK_Y))
                    .append("\" width=\"").append(n(LabelLayout.MARK_W)).append("\" height=\"").append(n(LabelLayout.MARK_H))
                    .append("\" fill=\"#F2F2F2\" stroke=\"#888888\" stroke-width=\"0.6\" stroke-dasharray=\"2 1.5\"/>");
            String[] lines = LabelArtworkPlaceholder.lines(c.schemeCode());
            for (int i = 0; i < lines.length; i++) {
                text(s, lines[i], LabelLayout.MARK_Y + LabelLayout.MARK_H / 2 - 1 + i * 7,
                        LabelLayout.fit(lines[i], 5.5, false, LabelLayout.MARK_W - 4), false, "#555555");
            }
            s.append("</g>\n");
        }
        text(s, LabelLayout.TITLE, LabelLayout.TITLE_Y, LabelLayout.fit(LabelLayout.TITLE, LabelLayout.TITLE_SIZE, true), true, ink);
        s.append("<g id=\"value\">");
        text(s, c.valueText(), LabelLayout.VALUE_Y, LabelLayout.fit(c.valueText(), LabelLayout.VALUE_SIZE, true), true, ink);
        text(s, unitLine, LabelLayout.UNIT_Y, LabelLayout.fit(unitLine, LabelLayout.UNIT_SIZE, false), false, ink);
        s.append("</g>\n");
        s.append("<rect id=\"qr-box\" x=\"").append(n(LabelLayout.QR_X)).append("\" y=\"").append(n(LabelLayout.QR_Y)).append("\" width=\"")
                .append(n(LabelLayout.QR_SIZE)).append("\" height=\"").append(n(LabelLayout.QR_SIZE)).append("\" rx=\"2\" fill=\"#FFFFFF\"/>\n");
        BitMatrix m = LabelLayout.qr(payload);
        double module = LabelLayout.QR_SIZE / m.getWidth();
        s.append("<path id=\"qr\" fill=\"#000000\" shape-rendering=\"crispEdges\" transform=\"translate(").append(n(LabelLayout.QR_X))
                .append(' ').append(n(LabelLayout.QR_Y)).append(") scale(").append(n(module)).append(")\" d=\"");
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                s.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        s.append("\"/>\n</svg>\n");
        return s.toString();
    }

    private static void text(StringBuilder s, String text, double y, double size, boolean bold, String fill) {
        s.append("<text x=\"").append(n(LabelLayout.WIDTH / 2)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" font-family=\"").append(FONTS).append("\"").append(bold ? " font-weight=\"bold\"" : "")
                .append(" text-anchor=\"middle\" fill=\"").append(fill).append("\">").append(esc(text)).append("</text>");
    }

    static String n(double v) {
        String t = String.format(Locale.ROOT, "%.4f", v);
        t = t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
        return t.equals("-0") ? "0" : t;
    }

    static String esc(String t) {
        StringBuilder b = new StringBuilder(t.length());
        for (char ch : t.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
