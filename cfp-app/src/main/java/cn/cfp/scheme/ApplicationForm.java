package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scheme's application form (认证委托书 / 申请书) [R-APP-1]: the questions the client answers beyond the
 * parties, sites and products the platform records anyway (e.g. the CEC form, seed 002 Annex 1).
 */
public record ApplicationForm(List<Field> fields) implements Summarizable {

    /** One question; {@code options} only for {@link Type#CHOICE}. */
    public record Field(String id, LocalizedText label, Type type, boolean required, List<LocalizedText> options, String cite) {

        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    public enum Type { TEXT, CHOICE, YES_NO }

    public ApplicationForm {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(fields.stream().map(Field::label).toList(), t -> t.in(locale), "、");
    }
}
