package cn.cfp.shared;

import java.util.Locale;
import org.springframework.boot.jackson.JacksonComponent;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A {@link Reason} in API responses: {@code {"code": …, "message": …, "args": [...], "field": …}}, the message in the
 * request's language (Accept-Language or {@code ?lang=}), the arguments as shown in it.
 */
@JacksonComponent
class ReasonJson extends ValueSerializer<Reason> {

    private final ReasonTexts texts;

    ReasonJson(ReasonTexts texts) {
        this.texts = texts;
    }

    @Override
    public void serialize(Reason reason, JsonGenerator gen, SerializationContext ctxt) {
        Locale locale = LocaleContextHolder.getLocale();
        gen.writeStartObject();
        gen.writeStringProperty("code", reason.code());
        gen.writeStringProperty("message", texts.text(reason, locale));
        gen.writeArrayPropertyStart("args");
        for (Object a : reason.args()) {
            gen.writeString(texts.render(a, locale));
        }
        gen.writeEndArray();
        if (reason.field() != null) {
            gen.writeStringProperty("field", reason.field());
        }
        gen.writeEndObject();
    }
}
