package cn.cfp.scheme;

import cn.cfp.shared.Localized;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field of competence (专业领域) a scheme judges its teams in, e.g. {@code PV13} [003 ¶12, ¶33] or {@code FURNITURE}
 * [002 §5.2.1]: a staff member's competence is recorded per field and a team's field competence is checked in the
 * product's field [R-PER-1, R-PLAN-2]. The list offered on the competence editor and the team form is the union of the
 * schemes' fields ({@link SchemeCatalog#competenceFields()}).
 *
 * @param code  the field's code (capital letters, digits, {@code _}), e.g. {@code PV13}
 * @param label how the field is shown, e.g. "PV13 电动机、发电机…" or "家具"
 */
public record CompetenceField(String code, LocalizedText label) implements Localized {

    /** The form of a field code: 2–40 capital letters, digits or {@code _}, starting with a letter. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public CompetenceField {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }

    /** A field no scheme names (e.g. one recorded before): shown by its code. */
    public static CompetenceField unnamed(String code) {
        return new CompetenceField(code, LocalizedText.of(code, code));
    }

    /** The field of a product class that has one, labelled like the class. */
    static CompetenceField of(ProductClass c) {
        return new CompetenceField(c.competenceField(), LocalizedText.of(c.in(Locale.SIMPLIFIED_CHINESE), c.in(Locale.ENGLISH)));
    }

    @Override
    public String label(Locale locale) {
        return label.in(locale);
    }
}
