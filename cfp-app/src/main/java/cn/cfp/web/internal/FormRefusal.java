package cn.cfp.web.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refused form on its way back to its page (a flash attribute, model attribute {@value #ATTRIBUTE}): which form was
 * sent, the reasons in the reader's language with the field each concerns, and what the person had typed (never
 * passwords or files). The page's templates ask it, through {@code fragments/form.html}, for the reasons to show and
 * the values to re-fill; on a page reached normally it is {@link #NONE} and every question answers with the fallback.
 */
public final class FormRefusal implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The model (and flash) attribute the templates read. */
    public static final String ATTRIBUTE = "refused";

    /** Nothing was refused: templates show the stored values. */
    public static final FormRefusal NONE = new FormRefusal(null, List.of(), Map.of());

    /** One reason as shown: its text and the form field it is about (null: the form as a whole). */
    public record Line(String field, String text) implements Serializable {
    }

    private final String form;
    private final List<Line> reasons;
    private final Map<String, List<String>> values;

    FormRefusal(String form, List<Line> reasons, Map<String, List<String>> values) {
        this.form = form == null || form.isBlank() ? null : form;
        this.reasons = List.copyOf(reasons);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = copy;
    }

    /** The same refusal, not tied to a form (shown at the top of whatever page it lands on). */
    FormRefusal unattached() {
        return new FormRefusal(null, reasons, values);
    }

    /** The id ({@code _form}) of the form that was refused, or null. */
    public String getForm() {
        return form;
    }

    /** True when this is the refusal of the form with this id. */
    public boolean isFor(String formId) {
        return form != null && form.equals(formId) && !reasons.isEmpty();
    }

    /** True when reasons came back that no form on the page claims (the form carried no {@code _form} id). */
    public boolean isUnattached() {
        return form == null && !reasons.isEmpty();
    }

    /** Every reason's text: the summary at the top of the refused form. */
    public List<String> getTexts() {
        return reasons.stream().map(Line::text).toList();
    }

    public List<Line> getReasons() {
        return reasons;
    }

    /** The texts of the reasons about one field. */
    public List<String> fieldTexts(String field) {
        List<String> out = new ArrayList<>();
        reasons.stream().filter(r -> Objects.equals(r.field(), field)).forEach(r -> out.add(r.text()));
        return out;
    }

    /** True when the form with this id was refused and a reason concerns this field. */
    public boolean invalid(String formId, String field) {
        return isFor(formId) && !fieldTexts(field).isEmpty();
    }

    /** What was typed into this field of this form when it was refused; else the fallback (the stored value). */
    public Object value(String formId, String name, Object fallback) {
        return valueAt(formId, name, 0, fallback);
    }

    /** The n-th value sent under this name (rows of a table share names); else the fallback. */
    public Object valueAt(String formId, String name, int index, Object fallback) {
        if (!isFor(formId)) {
            return fallback;
        }
        List<String> sent = values.get(name);
        return sent == null || sent.size() <= index ? fallback : sent.get(index);
    }

    /**
     * For a checkbox, radio button or option: whether this value was among those sent under the name when the form was
     * refused (a box left unticked is not sent, so it comes back unticked); else the fallback.
     */
    public boolean checked(String formId, String name, Object value, Object fallback) {
        if (!isFor(formId)) {
            return Boolean.TRUE.equals(fallback);
        }
        String v = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        return values.getOrDefault(name, List.of()).contains(v);
    }

    @Override
    public String toString() {
        return "FormRefusal[" + form + ", " + reasons.size() + " reasons]";
    }
}
