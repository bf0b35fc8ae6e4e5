package cn.cfp.scheme;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All certification schemes known to the application (a Spring bean). Loaded and validated at start-up from
 * {@code classpath:schemes/*.yaml} and the optional directory {@code cfp.schemes.dir} (R-X-1).
 */
public final class SchemeCatalog {

    private final Map<String, Scheme> byCode;

    public SchemeCatalog(Collection<Scheme> schemes) {
        Map<String, Scheme> m = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            if (m.putIfAbsent(s.code(), s) != null) {
                throw new IllegalArgumentException("Duplicate scheme code " + s.code());
            }
        }
        this.byCode = m;
    }

    /** Every scheme: base schemes first, then the others in load order. */
    public List<Scheme> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Scheme> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The scheme with this code, or {@link UnknownSchemeException} listing the known codes. */
    public Scheme get(String code) {
        return find(code).orElseThrow(() -> new UnknownSchemeException(code, byCode.keySet()));
    }

    /**
     * Every scheme's fields of competence, each once (the first scheme naming a field gives its label): the list the
     * competence editor and the team form offer [R-PER-1, R-PLAN-2].
     */
    public List<CompetenceField> competenceFields() {
        Map<String, CompetenceField> out = new LinkedHashMap<>();
        byCode.values().forEach(s -> s.competenceFields().forEach(f -> out.putIfAbsent(f.code(), f)));
        return List.copyOf(out.values());
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
