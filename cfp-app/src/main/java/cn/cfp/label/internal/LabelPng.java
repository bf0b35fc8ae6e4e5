package cn.cfp.label.internal;

import cn.cfp.label.LabelContent;
import cn.cfp.scheme.LabelMark;
import com.google.zxing.common.BitMatrix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The label as PNG, drawn with Java2D from the same {@link LabelLayout} as the SVG [decision D6]; the QR code's modules
 * are whole pixels (crisp, centred in their white square), the resolution is written into the file (pHYs).
 */
public final class LabelPng {

    private LabelPng() {
    }

    /** Renders {@code widthPx} wide (the height follows the fixed aspect ratio) at {@code dpi} (written as pHYs). */
    public static byte[] render(LabelContent c, String payload, LabelMark mark, Optional<LabelArtwork.Artwork> artwork, int widthPx,
                                int dpi) {
        int heightPx = heightPx(widthPx);
        double k = widthPx / LabelLayout.WIDTH;
        boolean national = mark == LabelMark.NATIONAL;
        Color background = national ? Color.decode(LabelLayout.GREEN) : Color.WHITE;
        Color ink = national ? Color.WHITE : Color.decode(LabelLayout.DARK_GREEN);
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthPx, heightPx);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform base = g.getTransform();
            g.scale(k, k);
            var frame = new RoundRectangle2D.Double(0.5, 0.5, LabelLayout.WIDTH - 1, LabelLayout.HEIGHT - 1, 12, 12);
            g.setColor(background);
            g.fill(frame);
            g.setColor(Color.decode(LabelLayout.DARK_GREEN));
            g.setStroke(new BasicStroke(1f));
            g.draw(frame);
            if (national) {
                AffineTransform before = g.getTransform();
                g.transform(LabelLayout.graphicTransform());
                g.setColor(Color.WHITE);
                g.fill(LabelLayout.path(LabelLayout.SOLE));
                for (double[] toe : LabelLayout.TOES) {
                    g.fill(new Ellipse2D.Double(toe[0] - toe[2], toe[1] - toe[3], 2 * toe[2], 2 * toe[3]));
                }
                g.setColor(background);
                g.fill(LabelLayout.path(LabelLayout.LEAF));
                g.setTransform(before);
            } else {
                BufferedImage art = artwork.filter(a -> a.mediaType().equals("image/png")).map(LabelPng::read).orElse(null);
                if (art != null) {
                    double s = Math.min(LabelLayout.MARK_W / art.getWidth(), LabelLayout.MARK_H / art.getHeight());
                    AffineTransform at = new AffineTransform();
                    at.translate(LabelLayout.MARK_X + (LabelLayout.MARK_W - art.getWidth() * s) / 2,
                            LabelLayout.MARK_Y + (LabelLayout.MARK_H - art.getHeight() * s) / 2);
                    at.scale(s, s);
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                    g.drawImage(art, at, null);
                } else {
                    var box = new Rectangle2D.Double(LabelLayout.MARK_X, LabelLayout.MARK_Y, LabelLayout.MARK_W, LabelLayout.MARK_H);
                    g.setColor(new Color(0xF2F2F2));
                    g.fill(box);
                    g.setColor(new Color(0x888888));
                    g.setStroke(new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{2f, 1.5f}, 0f));
                    g.draw(box);
                    String[] lines = LabelArtworkPlaceholder.lines(c.schemeCode());
                    for (int i = 0; i < lines.length; i++) {
                        text(g, lines[i], LabelLayout.MARK_Y + LabelLayout.MARK_H / 2 - 1 + i * 7,
                                LabelLayout.fit(lines[i], 5.5, false, LabelLayout.MARK_W - 4), false, new Color(0x555555));
                    }
                }
            }
            String unitLine = LabelLayout.unitLine(c.unit(), c.functionalUnit());
            text(g, LabelLayout.TITLE, LabelLayout.TITLE_Y, LabelLayout.fit(LabelLayout.TITLE, LabelLayout.TITLE_SIZE, true), true, ink);
            text(g, c.valueText(), LabelLayout.VALUE_Y, LabelLayout.fit(c.valueText(), LabelLayout.VALUE_SIZE, true), true, ink);
            text(g, unitLine, LabelLayout.UNIT_Y, LabelLayout.fit(unitLine, LabelLayout.UNIT_SIZE, false), false, ink);
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Double(LabelLayout.QR_X, LabelLayout.QR_Y, LabelLayout.QR_SIZE, LabelLayout.QR_SIZE, 4, 4));
            // the QR code in whole pixels, no smoothing
            g.setTransform(base);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            BitMatrix m = LabelLayout.qr(payload);
            int module = modulePx(widthPx, m.getWidth());
            int size = module * m.getWidth();
            int x0 = (int) Math.round(LabelLayout.QR_X * k + (LabelLayout.QR_SIZE * k - size) / 2);
            int y0 = (int) Math.round(LabelLayout.QR_Y * k + (LabelLayout.QR_SIZE * k - size) / 2);
            g.setColor(Color.WHITE);
            g.fillRect(x0, y0, size, size);
            g.setColor(Color.BLACK);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        g.fillRect(x0 + x * module, y0 + y * module, module, module);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return write(img, dpi);
    }

    /** The height in pixels of a label {@code widthPx} wide (fixed aspect ratio). */
    public static int heightPx(int widthPx) {
        return (int) Math.round(widthPx * LabelLayout.HEIGHT / LabelLayout.WIDTH);
    }

    /** The whole-pixel size of a QR module on a label {@code widthPx} wide. */
    public static int modulePx(int widthPx, int modules) {
        return (int) Math.floor(widthPx * LabelLayout.QR_SIZE / LabelLayout.WIDTH / modules);
    }

    private static void text(Graphics2D g, String text, double y, double size, boolean bold, Color color) {
        Font f = LabelLayout.font((float) size, bold);
        g.setFont(f);
        g.setColor(color);
        double w = f.getStringBounds(text, g.getFontRenderContext()).getWidth();
        g.drawString(text, (float) (LabelLayout.WIDTH / 2 - w / 2), (float) y);
    }

    private static BufferedImage read(LabelArtwork.Artwork a) {
        try {
            return ImageIO.read(new ByteArrayInputStream(a.bytes()));
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] write(BufferedImage img, int dpi) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), w.getDefaultWriteParam());
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, meta), w.getDefaultWriteParam());
            } finally {
                w.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
