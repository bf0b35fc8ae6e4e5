package cn.cfp.label.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one geometry of a label, shared by the SVG and the PNG so that both show the same thing [decision D6,
 * 000 §9.2]: a 100 × 160 unit box (width : height = 5 : 8, scaled only as a whole), from the top: the footprint graphic
 * (or the body's mark), 产品碳足迹, the value in Arabic numerals, its unit with the functional unit, and the QR code
 * below in a white square with its quiet zone. Text sizes shrink to fit the width, measured with the bundled font.
 */
public final class LabelLayout {

    public static final double WIDTH = 100;
    public static final double HEIGHT = 160;
    /** The main colour of the national label ("宜以绿色为主" [000 §9.2]). */
    public static final String GREEN = "#1B8A4B";
    public static final String DARK_GREEN = "#0F5A30";

    /** The mark's box (footprint graphic or the body's artwork). */
    public static final double MARK_X = 22, MARK_Y = 4, MARK_W = 56, MARK_H = 28;
    public static final double TITLE_Y = 41, TITLE_SIZE = 8.5;
    public static final double VALUE_Y = 56.5, VALUE_SIZE = 15;
    public static final double UNIT_Y = 65.5, UNIT_SIZE = 6.2;
    /** The white square holding the QR code (its quiet zone inside). */
    public static final double QR_X = 8, QR_Y = 70, QR_SIZE = 84;
    public static final double TEXT_MAX_WIDTH = 92;
    public static final String TITLE = "产品碳足迹";

    private static final Font FONT = loadFont();

    private LabelLayout() {
    }

    /** The QR code's modules, with a quiet zone of 4 modules, error correction level M. */
    public static BitMatrix qr(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the payload does not fit a QR code: " + e.getMessage(), e);
        }
    }

    /** The bundled font (WenQuanYi Micro Hei, for Chinese) at a size. */
    public static Font font(float size, boolean bold) {
        Font f = FONT.deriveFont(size);
        return bold ? f.deriveFont(Font.BOLD, size) : f;
    }

    /** The font size at which {@code text} fits {@link #TEXT_MAX_WIDTH}, at most {@code preferred}. */
    public static double fit(String text, double preferred, boolean bold) {
        return fit(text, preferred, bold, TEXT_MAX_WIDTH);
    }

    /** The font size at which {@code text} fits {@code maxWidth}, at most {@code preferred}. */
    public static double fit(String text, double preferred, boolean bold, double maxWidth) {
        double w = font((float) preferred, bold).getStringBounds(text, new FontRenderContext(null, true, true)).getWidth();
        return w <= maxWidth ? preferred : Math.floor(preferred * maxWidth / w * 10) / 10;
    }

    /** The second text line: the unit and the functional unit, e.g. "kgCO2e/件". */
    public static String unitLine(String unit, String functionalUnit) {
        if (functionalUnit == null || functionalUnit.isBlank()) {
            return unit;
        }
        String fu = functionalUnit.strip();
        return fu.startsWith("/") ? unit + fu : unit + "/" + fu;
    }

    // ------------------------------------------------------------------ the footprint graphic

    /**
     * The footprint ("脚印") graphic as path data in a 40 × 28 box: a sole and five toes. Drawn by code; the seeds'
     * label images are missing [decision D6].
     */
    public static final String SOLE = "M20 9 C27 9 29.5 14 28 19 C27 22.2 27.3 24 26.4 25.6 C25.2 28 14.8 28 13.6 25.6"
            + " C12.7 24 13 22.2 12 19 C10.5 14 13 9 20 9 Z";
    /** Toes as (cx, cy, rx, ry). */
    public static final List<double[]> TOES = List.of(new double[]{13.6, 5.6, 2.9, 3.3}, new double[]{18.9, 3.6, 2.2, 2.5},
            new double[]{23.3, 3.9, 1.9, 2.2}, new double[]{26.9, 5.5, 1.6, 1.9}, new double[]{29.6, 8.1, 1.3, 1.6});
    /** A leaf in the sole (the "low-carbon" accent), in the same box. */
    public static final String LEAF = "M20 24.5 C16.5 21 16.8 16.5 20 13 C23.2 16.5 23.5 21 20 24.5 Z";
    public static final double GRAPHIC_W = 40, GRAPHIC_H = 28;

    /** The graphic's placement inside the mark box (centred, scaled as a whole). */
    public static AffineTransform graphicTransform() {
        double s = Math.min(MARK_W / GRAPHIC_W, MARK_H / GRAPHIC_H);
        AffineTransform t = new AffineTransform();
        t.translate(MARK_X + (MARK_W - GRAPHIC_W * s) / 2, MARK_Y + (MARK_H - GRAPHIC_H * s) / 2);
        t.scale(s, s);
        return t;
    }

    /** Path data (M, C, Z with absolute coordinates) as a Java2D path. */
    public static Path2D path(String d) {
        Path2D.Double p = new Path2D.Double();
        String[] t = d.trim().split("\\s+");
        int i = 0;
        while (i < t.length) {
            char cmd = t[i].charAt(0);
            String first = t[i].substring(1);
            switch (cmd) {
                case 'M' -> {
                    p.moveTo(Double.parseDouble(first), Double.parseDouble(t[i + 1]));
                    i += 2;
                }
                case 'C' -> {
                    p.curveTo(Double.parseDouble(first), Double.parseDouble(t[i + 1]), Double.parseDouble(t[i + 2]),
                            Double.parseDouble(t[i + 3]), Double.parseDouble(t[i + 4]), Double.parseDouble(t[i + 5]));
                    i += 6;
                }
                case 'Z' -> {
                    p.closePath();
                    i += 1;
                }
                default -> throw new IllegalArgumentException("path command " + cmd);
            }
        }
        return p;
    }

    private static Font loadFont() {
        try (InputStream in = LabelLayout.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("the bundled font fonts/wqy-microhei.ttc is missing");
            }
            return Font.createFonts(in)[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("cannot read fonts/wqy-microhei.ttc", e);
        }
    }
}
