package cn.cfp.scheme.web;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeParameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns schemes into rows/cells for the pages and into plain maps for the JSON API. */
final class SchemeView {

    record Cell(String code, String text, String cite, String note, boolean inherited, String definedIn, Limit limit) {
    }

    /** Body / base / effective value of a national limit [decision D1]; null when no limit applies. */
    record Limit(String kind, String body, String bodyCite, String base, String baseCite, String effective, boolean applied,
                 String deviation) {
    }

    record Row(String key, String messageKey, String group, List<Cell> cells) {
    }

    private SchemeView() {
    }

    static Cell cell(Scheme s, SchemeParameter<?> p, Locale locale) {
        Cited<?> c = s.get(p);
        Limit limit = s.limit(p).map(l -> new Limit(l.kind().name(), p.summarize(l.bodyValue(), locale), l.bodyCite(),
                p.summarize(l.baseValue(), locale), l.baseCite(), p.summarize(l.effective(), locale), l.applied(),
                l.deviation() == null ? null : l.deviation().summary(locale))).orElse(null);
        return new Cell(s.code(), p.summarize(c.value(), locale), c.cite(), c.noteIn(locale), c.inherited(), c.definedIn(), limit);
    }

    static List<Row> rows(List<Scheme> schemes, Locale locale) {
        return SchemeParameter.ALL.stream()
                .map(p -> new Row(p.key(), p.messageKey(), p.group().name(),
                        schemes.stream().map(s -> cell(s, p, locale)).toList()))
                .toList();
    }

    static Map<String, Object> json(Scheme s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("documentNumber", s.documentNumber());
        m.put("name", s.name());
        m.put("issuer", s.issuer());
        m.put("version", s.version());
        m.put("seed", s.seed());
        m.put("extends", s.extendsCode());
        m.put("source", s.source());
        Map<String, Object> params = new LinkedHashMap<>();
        for (SchemeParameter<?> p : SchemeParameter.ALL) {
            Cited<?> c = s.get(p);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", c.value());
            v.put("cite", c.cite());
            v.put("note", c.note());
            v.put("inherited", c.inherited());
            v.put("definedIn", c.definedIn());
            s.limit(p).ifPresent(l -> {
                Map<String, Object> lim = new LinkedHashMap<>();
                lim.put("kind", l.kind().name());
                lim.put("bodyValue", l.bodyValue());
                lim.put("bodyCite", l.bodyCite());
                lim.put("baseValue", l.baseValue());
                lim.put("baseCite", l.baseCite());
                lim.put("effective", l.effective());
                lim.put("applied", l.applied());
                lim.put("deviation", l.deviation());
                v.put("nationalLimit", lim);
            });
            v.put("summary", Map.of("zh", String.valueOf(p.summarize(c.value(), Locale.CHINA)),
                    "en", String.valueOf(p.summarize(c.value(), Locale.ENGLISH))));
            params.put(p.key(), v);
        }
        m.put("parameters", params);
        return m;
    }
}
