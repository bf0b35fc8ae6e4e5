package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Label (标识) rules [R-LBL-1]. Sizes in millimetres; null = not stated.
 */
public record LabelRules(Integer minWidthMm, Integer minHeightMm, Boolean deformationForbidden, Boolean qrCode,
                         String valueUnit, List<LocalizedText> placementPriority, LocalizedText description)
        implements Summarizable {

    public LabelRules {
        placementPriority = placementPriority == null ? List.of() : List.copyOf(placementPriority);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        Texts.add(j, Texts.text(description, locale));
        if (valueUnit != null) {
            j.add(valueUnit);
        }
        if (Boolean.TRUE.equals(qrCode)) {
            j.add(Texts.pick(locale, "附二维码", "QR code"));
        }
        if (minWidthMm != null || minHeightMm != null) {
            j.add(Texts.pick(locale, "宽 ≥ " + minWidthMm + " mm，高 ≥ " + minHeightMm + " mm",
                    "≥ " + minWidthMm + " mm wide, ≥ " + minHeightMm + " mm high"));
        }
        if (Boolean.TRUE.equals(deformationForbidden)) {
            j.add(Texts.pick(locale, "不得变形", "no deformation"));
        }
        if (!placementPriority.isEmpty()) {
            j.add(Texts.join(placementPriority, t -> t.in(locale), " > "));
        }
        return j.toString();
    }
}
