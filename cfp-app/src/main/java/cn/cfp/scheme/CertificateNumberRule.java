package cn.cfp.scheme;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a scheme's certificates get their numbers [R-CERT-2, decision D2].
 *
 * <ul>
 *   <li>{@link Authority#CNCA}: CNCA assigns the number after the body reported the certificate's data; the body only
 *       checks the confirmed number against {@code pattern} (compact, without hyphens) and prints it as {@code printed}
 *       shows [000 §9.1.2, Ann.4]. No number is ever made up locally.</li>
 *   <li>{@link Authority#LOCAL}: the body allocates the number itself from {@code format}, whose placeholders are
 *       {@code {year}} (the issue year, 4 digits) and {@code {serial:n}} (the counter per scheme and year, left-padded
 *       with 0 to n digits).</li>
 * </ul>
 */
public record CertificateNumberRule(Authority authority, String pattern, String printed, String format) implements Summarizable {

    /** Who assigns the number. */
    public enum Authority { CNCA, LOCAL }

    /** The {@code {serial:n}} placeholder of a local format. */
    public static final Pattern SERIAL = Pattern.compile("\\{serial:(\\d)}");

    public CertificateNumberRule {
        if (authority == null) {
            throw new IllegalArgumentException("authority is required (CNCA or LOCAL)");
        }
        if (authority == Authority.CNCA && (pattern == null || pattern.isBlank())) {
            throw new IllegalArgumentException("a CNCA number needs its pattern");
        }
        if (authority == Authority.LOCAL) {
            if (format == null || !SERIAL.matcher(format).find()) {
                throw new IllegalArgumentException("a LOCAL number needs a format with {serial:n}, e.g. ABC-{year}-{serial:5}");
            }
            String rest = SERIAL.matcher(format).replaceAll("").replace("{year}", "");
            if (rest.contains("{") || rest.contains("}")) {
                throw new IllegalArgumentException("format '" + format + "' has an unknown placeholder; known: {year}, {serial:n}");
            }
        }
        if (pattern != null) {
            Pattern.compile(pattern); // fails at load on a broken expression
        }
    }

    public boolean assignedByCnca() {
        return authority == Authority.CNCA;
    }

    /** The width n of {@code {serial:n}} (LOCAL only). */
    public int serialWidth() {
        Matcher m = SERIAL.matcher(format);
        if (!m.find()) {
            throw new IllegalStateException("no {serial:n} in " + format);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The largest serial the format can hold (LOCAL only): 10^n − 1. */
    public int maxSerial() {
        return (int) Math.pow(10, serialWidth()) - 1;
    }

    /** A local number from the format (LOCAL only). */
    public String format(int year, int serial) {
        int width = serialWidth();
        String s = String.valueOf(serial);
        if (s.length() > width) {
            throw new IllegalArgumentException("serial " + serial + " does not fit {serial:" + width + "}");
        }
        return SERIAL.matcher(format.replace("{year}", String.format(Locale.ROOT, "%04d", year)))
                .replaceFirst("0".repeat(width - s.length()) + s);
    }

    @Override
    public String summary(Locale locale) {
        if (assignedByCnca()) {
            return Texts.pick(locale, "国家认监委赋予编号（报送数据并经技术确认后），" + printed,
                    "number assigned by CNCA (after the data is reported and technically confirmed), " + printed);
        }
        return Texts.pick(locale, "认证机构自行编号：" + format, "numbered by the body: " + format);
    }
}
