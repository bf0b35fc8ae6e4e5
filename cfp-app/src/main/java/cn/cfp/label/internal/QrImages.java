package cn.cfp.label.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Reads the QR code of a label from a picture (a rendered PNG or a photo) with ZXing; no platform needed. */
public final class QrImages {

    /** Largest picture accepted (bytes). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Pictures are scaled down to at most this many pixels on their longer side before decoding. */
    static final int MAX_SIDE = 3000;

    public enum Kind { PNG, JPEG }

    private QrImages() {
    }

    /** The picture's type from its first bytes (PNG or JPEG), empty for anything else. */
    public static Optional<Kind> kind(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(Kind.PNG);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(Kind.JPEG);
        }
        return Optional.empty();
    }

    /** The picture, or empty when it cannot be read as one. */
    public static Optional<BufferedImage> read(byte[] bytes) {
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The text of the QR code in the picture, or empty when none is found. ZXing's detector misses about one rendered
     * label in a hundred at its first try (a finder-pattern estimate thrown off by the label's other shapes): the
     * picture is tried with two binarizers, then at three quarters and at half its size, as a phone reader retries.
     */
    public static Optional<String> decode(BufferedImage image) {
        BufferedImage img = scaled(image, MAX_SIDE);
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.CHARACTER_SET, "UTF-8");
        int side = Math.max(img.getWidth(), img.getHeight());
        for (double factor : new double[] {1.0, 0.75, 0.5}) {
            BufferedImage attempt = factor == 1.0 ? img : scaled(img, (int) Math.round(side * factor));
            LuminanceSource source = new BufferedImageLuminanceSource(attempt);
            for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                try {
                    Result r = new MultiFormatReader().decode(bitmap, hints);
                    return Optional.of(r.getText());
                } catch (NotFoundException e) {
                    // try the next binarizer or size
                }
            }
        }
        return Optional.empty();
    }

    /** The text of the QR code in a picture's bytes (PNG or JPEG), or empty when it is no picture or holds none. */
    public static Optional<String> decode(byte[] picture) {
        return read(picture).flatMap(QrImages::decode);
    }

    private static BufferedImage scaled(BufferedImage img, int maxSide) {
        int side = Math.max(img.getWidth(), img.getHeight());
        if (side <= maxSide) {
            return img;
        }
        double s = (double) maxSide / side;
        int w = Math.max(1, (int) Math.round(img.getWidth() * s));
        int h = Math.max(1, (int) Math.round(img.getHeight() * s));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
