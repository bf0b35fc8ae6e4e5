package cn.cfp.numbering;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CFP certificate number as CNCA assigns it [000 §9.1.2, Ann.4; back-half §5.3; decision D2]: 18 positions —
 * 1–3 {@code CFP}, 4–7 the body code ({@code 0123} or {@code F045}), 8–11 the issue year, 12–14 the product code,
 * 15–18 CNCA's serial. Written with or without hyphens; printed {@code CFP-XXXX-XXXX-XXX-XXXX}.
 *
 * @param compact the 18 positions without hyphens
 */
public record CertificateNumber(String compact) {

    /** 000 Annex 4's validation, on the number without hyphens. */
    public static final Pattern PATTERN = Pattern.compile("^CFP(\\d{4}|F\\d{3})(\\d{4})(\\d{3})(\\d{4})$");

    public CertificateNumber {
        if (compact == null || !PATTERN.matcher(compact).matches()) {
            throw new IllegalArgumentException("not a CFP certificate number: " + compact);
        }
    }

    /** The number as written by a person: spaces dropped, upper case, with hyphens in the printed places or none. */
    public static Optional<CertificateNumber> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String s = written.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.contains("-")) {
            // hyphens only where the printed form has them: CFP-XXXX-XXXX-XXX-XXXX
            if (!s.matches("^CFP-[0-9F]\\d{3}-\\d{4}-\\d{3}-\\d{4}$")) {
                return Optional.empty();
            }
            s = s.replace("-", "");
        }
        return PATTERN.matcher(s).matches() ? Optional.of(new CertificateNumber(s)) : Optional.empty();
    }

    private Matcher m() {
        Matcher m = PATTERN.matcher(compact);
        m.matches();
        return m;
    }

    public String bodyCode() {
        return m().group(1);
    }

    public int year() {
        return Integer.parseInt(m().group(2));
    }

    public String productCode() {
        return m().group(3);
    }

    public String serial() {
        return m().group(4);
    }

    /** {@code CFP-XXXX-XXXX-XXX-XXXX}: as printed on the certificate and the label. */
    public String printed() {
        return "CFP-" + bodyCode() + "-" + year() + "-" + productCode() + "-" + serial();
    }

    @Override
    public String toString() {
        return printed();
    }

    /**
     * Checks a confirmed number entered by staff against this body and the request [decision D2]: the pattern, the body
     * code (configuration), the issue year of the request, the case's product code. Each failure is its own reason;
     * uniqueness is the database's (numbering.duplicate).
     *
     * @param written     what was entered
     * @param bodyCode    this body's code ({@link cn.cfp.body.BodyIdentity#bodyCode()})
     * @param issueYear   the issue year of the request
     * @param productCode the product code of the request
     */
    public static Verdict check(String written, String bodyCode, int issueYear, String productCode) {
        Optional<CertificateNumber> parsed = parse(written);
        if (parsed.isEmpty()) {
            return Verdict.refuse(Reason.of("numbering.pattern", written == null ? "" : written.strip(),
                    "CFP-XXXX-XXXX-XXX-XXXX").at("number"));
        }
        CertificateNumber n = parsed.get();
        List<Reason> problems = new ArrayList<>();
        if (!n.bodyCode().equals(bodyCode)) {
            problems.add(Reason.of("numbering.bodyCode", bodyCode, n.bodyCode()).at("number"));
        }
        if (n.year() != issueYear) {
            problems.add(Reason.of("numbering.year", String.valueOf(issueYear), String.valueOf(n.year())).at("number"));
        }
        if (!n.productCode().equals(productCode)) {
            problems.add(Reason.of("numbering.productCode", productCode, n.productCode()).at("number"));
        }
        return Verdict.of(problems);
    }
}
