package cn.cfp.label;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * A label's QR payload, parsed ({@link QrPayloads#parse}); its format is in {@code docs/label.md} [R-X-4].
 *
 * @param url        the certificate's public page (the part before {@code #})
 * @param number     the certificate number: the last path segment of {@code url}
 * @param value      the displayed value exactly as written ({@code f=})
 * @param unit       {@code u=}: gCO2e, kgCO2e or tCO2e
 * @param validUntil {@code e=}: the last day of validity
 * @param keyId      {@code k=}: the id of the body key that signed
 * @param signature  {@code s=}: ES256 over {@link #signedText()}, 64 bytes r‖s (IEEE P1363)
 */
public record QrPayload(String url, String number, String value, String unit, LocalDate validUntil, String keyId,
                        byte[] signature) {

    /** The version written as {@code v=}. */
    public static final String VERSION = "1";

    /** What the signature covers: {@code CFP-LABEL-1|<number>|<value>|<unit>|<yyyy-MM-dd>} (UTF-8). */
    public String signedText() {
        return signedText(number, value, unit, validUntil);
    }

    public static String signedText(String number, String value, String unit, LocalDate validUntil) {
        return "CFP-LABEL-" + VERSION + "|" + number + "|" + value + "|" + unit + "|" + validUntil;
    }

    public byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    /** The payload as it stands in the QR code. */
    public String text() {
        return url + "#v=" + VERSION + "&f=" + value + "&u=" + unit + "&e=" + validUntil + "&k=" + keyId
                + "&s=" + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrPayload p && p.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
