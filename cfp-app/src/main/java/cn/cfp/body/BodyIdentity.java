package cn.cfp.body;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who issues: the body's name and address (Chinese and English), its CNCA approval number and the public query site
 * printed on every certificate [000 Annex 3 items 14, 17]. Configuration ({@code cfp.body.*}); the platform refuses to
 * start with an approval number that does not follow 000 Annex 4's pattern.
 */
@Component
public class BodyIdentity {

    /** {@code CNCA-R-年份-流水号} (domestic, 3 or 4 digits) or {@code CNCA-RF-年份-流水号} (foreign-funded, 2 or 3 digits). */
    static final Pattern APPROVAL = Pattern.compile("^CNCA-(R|RF)-(\\d{4})-(\\d+)$");

    private final String name;
    private final String nameEn;
    private final String address;
    private final String addressEn;
    private final String approvalNumber;
    private final String bodyCode;
    private final String querySite;

    BodyIdentity(@Value("${cfp.body.name}") String name, @Value("${cfp.body.name-en}") String nameEn,
                 @Value("${cfp.body.address}") String address, @Value("${cfp.body.address-en}") String addressEn,
                 @Value("${cfp.body.approval-number}") String approvalNumber, @Value("${cfp.base-url}") String baseUrl) {
        this.name = name;
        this.nameEn = nameEn;
        this.address = address;
        this.addressEn = addressEn;
        this.approvalNumber = approvalNumber.strip();
        this.bodyCode = bodyCode(this.approvalNumber);
        this.querySite = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The 4-position body code of the certificate number [000 Annex 4]: domestic — the approval serial left-padded with
     * 0 to 4 digits; foreign-funded — {@code F} and the serial left-padded to 3 digits.
     *
     * @throws IllegalArgumentException when the approval number does not follow the pattern (a start-up error)
     */
    public static String bodyCode(String approvalNumber) {
        Matcher m = APPROVAL.matcher(approvalNumber == null ? "" : approvalNumber.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("cfp.body.approval-number '" + approvalNumber
                    + "' is not a CNCA approval number (CNCA-R-<year>-<serial> or CNCA-RF-<year>-<serial>, 000 Annex 4)");
        }
        String serial = m.group(3);
        boolean foreign = "RF".equals(m.group(1));
        int width = foreign ? 3 : 4;
        int min = foreign ? 2 : 3;
        if (serial.length() < min || serial.length() > width) {
            throw new IllegalArgumentException("cfp.body.approval-number '" + approvalNumber + "': the serial has "
                    + serial.length() + " digits, 000 Annex 4 gives " + min + " or " + width);
        }
        String padded = "0".repeat(width - serial.length()) + serial;
        return foreign ? "F" + padded : padded;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : name;
    }

    public String name() {
        return name;
    }

    public String address(Locale locale) {
        return "en".equals(locale.getLanguage()) ? addressEn : address;
    }

    public String address() {
        return address;
    }

    public String approvalNumber() {
        return approvalNumber;
    }

    /** The body code in certificate numbers (e.g. {@code 0123}, {@code F045}). */
    public String bodyCode() {
        return bodyCode;
    }

    /** The public query site printed on certificates (000 Annex 3 item 14), without a trailing slash. */
    public String querySite() {
        return querySite;
    }

    /** The public page of a certificate, the URL in its QR code; it never changes [R-PUB-1]. */
    public String certificateUrl(String number) {
        return querySite + "/c/" + number;
    }
}
