package cn.cfp.label;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a label shows and its QR code signs [R-LBL-1, R-X-4]. Made by {@link Labels#content} from the certificate's data
 * (the label module knows no certificates).
 *
 * @param number         the certificate number (the last path segment of {@code url})
 * @param value          the displayed footprint per functional unit: as the certificate prints it, or rounded by the
 *                       scheme's label rounding table (CICC-ZY/GZ-20 §10.6 only)
 * @param unit           {@code kgCO2e}; with a rounding table {@code gCO2e}, {@code kgCO2e} or {@code tCO2e} as the table says
 * @param functionalUnit the functional or declared unit as text, e.g. "件" or "per piece"
 * @param validUntil     the certificate's last day of validity
 * @param schemeCode     the scheme the certificate was issued under
 * @param url            the certificate's public page, the QR target [R-PUB-1]
 * @param rounding       how the value was rounded from the certificate's, or null where it is printed as is
 */
public record LabelContent(String number, BigDecimal value, String unit, String functionalUnit, LocalDate validUntil,
                           String schemeCode, String url, Rounding rounding) {

    /** Certificate numbers travel unencoded in the URL path and the signed text: unreserved URL characters only. */
    public static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");

    /**
     * The rounding applied [004 §10.6].
     *
     * @param certifiedValue the value the certificate prints
     * @param certifiedUnit  its unit
     * @param table          the table's name and clause, e.g. "CICC-ZY/GZ-20 004 §10.6"
     * @param stepGrams      the step used, in g CO2e
     * @param outsideTable   true when the value lies outside the table's rows (≤ 10 g or > 10 kg) and was rounded by the
     *                       table's principle continued by decade (the table's own last row; for ≤ 10 g our decision)
     */
    public record Rounding(BigDecimal certifiedValue, String certifiedUnit, String table, BigDecimal stepGrams,
                           boolean outsideTable) {

        /**
         * The message key of the sentence that records the rounding, for the certificate's pages (the label itself
         * carries no added text [004 §10.6]): {@code label.rounding.applied} or {@code label.rounding.outsideTable}, with
         * the arguments of {@link #messageArgs(LabelContent)}.
         */
        public String messageKey() {
            return outsideTable ? "label.rounding.outsideTable" : "label.rounding.applied";
        }

        /** {0} certified value, {1} its unit, {2} label value, {3} label unit, {4} step in g, {5} the table. */
        public Object[] messageArgs(LabelContent c) {
            return new Object[]{certifiedValue.toPlainString(), certifiedUnit, c.valueText(), c.unit(),
                    stepGrams.stripTrailingZeros().toPlainString(), table};
        }
    }

    public LabelContent {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(url, "url");
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a certificate number on a label must be 1-80 unreserved URL characters, was " + number);
        }
        if (!url.endsWith("/c/" + number)) {
            throw new IllegalArgumentException("the label URL must be the certificate's public page /c/" + number + ", was " + url);
        }
        functionalUnit = functionalUnit == null ? "" : functionalUnit;
    }

    /** The value as printed and signed: its plain decimal text (no exponent), e.g. "18.5". */
    public String valueText() {
        return value.toPlainString();
    }
}
