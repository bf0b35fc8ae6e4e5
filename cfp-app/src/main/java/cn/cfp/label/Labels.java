package cn.cfp.label;

import cn.cfp.body.BodyIdentity;
import cn.cfp.calc.label.LabelValue;
import cn.cfp.label.internal.LabelArtwork;
import cn.cfp.label.internal.LabelLayout;
import cn.cfp.label.internal.LabelPng;
import cn.cfp.label.internal.LabelSvg;
import cn.cfp.scheme.LabelMark;
import cn.cfp.scheme.LabelRounding;
import cn.cfp.scheme.LabelRules;
import cn.cfp.scheme.RoundingBand;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Labels of certified products [R-LBL-1, decision D6]: the content from the certificate's data ({@link #content}), the
 * label as SVG ({@link #svg}) and as PNG at a physical width and print resolution ({@link #png}). Whether the label may
 * be handed out at all (only while the certificate is valid, R-LBL-2) is the certificate module's to decide.
 */
@Service
public class Labels {

    /** Print resolutions a PNG can be made at (dots per inch). */
    public static final int MIN_DPI = 150, MAX_DPI = 1200;
    /** Default and largest physical width (mm). */
    public static final double DEFAULT_WIDTH_MM = 30, MAX_WIDTH_MM = 300;
    /** A QR module narrower than this many pixels does not scan reliably. */
    public static final int MIN_MODULE_PX = 2;

    private static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of("gCO2e", BigDecimal.ONE,
            "kgCO2e", BigDecimal.valueOf(1000), "tCO2e", BigDecimal.valueOf(1_000_000));

    private final SchemeCatalog schemes;
    private final BodyIdentity body;
    private final QrPayloads payloads;
    private final LabelArtwork artwork;

    Labels(SchemeCatalog schemes, BodyIdentity body, QrPayloads payloads, LabelArtwork artwork) {
        this.schemes = schemes;
        this.body = body;
        this.payloads = payloads;
        this.artwork = artwork;
    }

    /**
     * The label's content from the certificate's data. The value is shown as the certificate prints it, except where
     * the scheme has a label rounding table (CICC-ZY/GZ-20 §10.6 only, scheme data decides): then it is rounded by
     * that table, in g, kg or t as the table's step says.
     *
     * @param value the footprint per functional unit as the certificate prints it
     * @param unit  its unit: gCO2e, kgCO2e or tCO2e
     */
    public LabelContent content(String schemeCode, String number, BigDecimal value, String unit, String functionalUnit,
                                LocalDate validUntil) {
        Scheme scheme = schemes.get(schemeCode);
        if (!GRAMS_PER_UNIT.containsKey(unit)) {
            throw new IllegalArgumentException("a label value is in gCO2e, kgCO2e or tCO2e, was " + unit);
        }
        String url = body.certificateUrl(number);
        LabelRounding table = scheme.labelRounding().value();
        if (table == null) {
            return new LabelContent(number, value, unit, functionalUnit, validUntil, schemeCode, url, null);
        }
        cn.cfp.calc.label.LabelRounding engine = engineTable(scheme, table);
        BigDecimal grams = value.multiply(GRAMS_PER_UNIT.get(unit));
        LabelValue rounded = engine.roundGrams(grams);
        if (rounded == null) {
            throw new IllegalArgumentException(value + " " + unit + " lies outside the label rounding table " + engine.name());
        }
        // the engine prints e.g. "19 kg CO2e", "340 g CO2e"
        String[] shown = rounded.text().split(" ");
        BigDecimal first = table.bands().get(0).aboveGrams();
        BigDecimal last = table.bands().stream().filter(b -> b.upToGrams() != null).reduce((a, b) -> b)
                .map(RoundingBand::upToGrams).orElse(first);
        boolean outside = grams.abs().compareTo(first) <= 0 || grams.abs().compareTo(last) > 0;
        return new LabelContent(number, new BigDecimal(shown[0]), shown[1] + "CO2e", functionalUnit, validUntil, schemeCode, url,
                new LabelContent.Rounding(value, unit, engine.name(), rounded.stepGrams(), outside));
    }

    /**
     * The scheme's rounding table for the engine's implementation (cfp-calc {@code LabelRounding}, R-CALC-12): the open
     * last row ("依据上述原则取舍数据" [004 §10.6]) continues the table by decade; below its first row the same principle
     * is continued downwards — our decision for values ≤ 10 g, which the table does not cover (docs/label.md). The
     * same conversion as the verification module's, which keeps it to itself.
     */
    static cn.cfp.calc.label.LabelRounding engineTable(Scheme scheme, LabelRounding t) {
        List<cn.cfp.calc.label.LabelRounding.Band> bands = new ArrayList<>();
        boolean extend = false;
        for (RoundingBand b : t.bands()) {
            if (b.stepGrams() == null) {
                extend = true;
            } else {
                bands.add(new cn.cfp.calc.label.LabelRounding.Band(b.aboveGrams(), b.upToGrams(), b.stepGrams()));
            }
        }
        return new cn.cfp.calc.label.LabelRounding(scheme.documentNumber() + " " + scheme.labelRounding().cite(), bands, extend);
    }

    /** The label as SVG (UTF-8 text): proportional scaling only (a viewBox with a fixed aspect ratio). */
    public String svg(LabelContent content) {
        return LabelSvg.render(content, payloads.encode(content).text(), mark(content.schemeCode()), artwork.find(content.schemeCode()));
    }

    /**
     * The label as PNG, {@code widthMm} wide at {@code dpi} (its height follows from the fixed aspect ratio). Refused in
     * words below the scheme's minimum size (CICC: width ≥ 10 mm, height ≥ 15 mm [004 §10.6]), outside the supported
     * resolutions, or where the QR code's modules would be too small to scan at that resolution.
     */
    public byte[] png(LabelContent content, double widthMm, int dpi) {
        Scheme scheme = schemes.get(content.schemeCode());
        List<Reason> reasons = new ArrayList<>();
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            reasons.add(Reason.of("label.png.dpi", dpi, MIN_DPI, MAX_DPI).at("dpi"));
        }
        double heightMm = heightMm(widthMm);
        LabelRules rules = scheme.label().value();
        if (!(widthMm > 0) || widthMm > MAX_WIDTH_MM) {
            reasons.add(Reason.of("label.png.width", fmt(widthMm), fmt(MAX_WIDTH_MM)).at("widthMm"));
        } else if (rules != null && ((rules.minWidthMm() != null && widthMm < rules.minWidthMm())
                || (rules.minHeightMm() != null && heightMm < rules.minHeightMm()))) {
            reasons.add(Reason.of("label.png.tooSmall", fmt(widthMm), fmt(heightMm), rules.minWidthMm() == null ? 0 : rules.minWidthMm(),
                    rules.minHeightMm() == null ? 0 : rules.minHeightMm(), scheme.label().cite()).at("widthMm"));
        }
        if (!reasons.isEmpty()) {
            throw Refusal.badRequest(reasons);
        }
        String payload = payloads.encode(content).text();
        int widthPx = (int) Math.round(widthMm / 25.4 * dpi);
        int modules = LabelLayout.qr(payload).getWidth();
        int modulePx = LabelPng.modulePx(widthPx, modules);
        if (modulePx < MIN_MODULE_PX) {
            int needed = (int) Math.ceil(MIN_MODULE_PX * modules * LabelLayout.WIDTH / LabelLayout.QR_SIZE / (widthMm / 25.4));
            throw Refusal.badRequest(List.of(Reason.of("label.png.qrTooSmall", fmt(widthMm), dpi, needed).at("dpi")));
        }
        return LabelPng.render(content, payload, mark(content.schemeCode()), artwork.find(content.schemeCode()), widthPx, dpi);
    }

    /** The height (mm) of a label {@code widthMm} wide. */
    public static double heightMm(double widthMm) {
        return widthMm * LabelLayout.HEIGHT / LabelLayout.WIDTH;
    }

    /** The national label or the body's mark, as the scheme says [decision D6]. */
    public LabelMark mark(String schemeCode) {
        LabelMark m = schemes.get(schemeCode).labelMark().value();
        return m == null ? LabelMark.NATIONAL : m;
    }

    private static String fmt(double mm) {
        return BigDecimal.valueOf(mm).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
