package cn.cfp.scheme.internal;

import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.DocumentChecklist;
import cn.cfp.scheme.NationalLimit;
import cn.cfp.scheme.TeamPolicy;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeDefinitionException;
import cn.cfp.scheme.SchemeDefinitionException.Problem;
import cn.cfp.scheme.SchemeParameter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses scheme definition files, validates them and resolves inheritance ({@code extends}).
 * Every problem found in any file is collected; if there is one, a {@link SchemeDefinitionException} lists them all.
 */
final class SchemeLoader {

    static final List<String> HEADER_KEYS = List.of("code", "documentNumber", "version", "name", "issuer", "seed", "extends", "note",
            "cfpLabel");
    private static final List<String> ENTRY_KEYS = List.of("value", "cite", "note", "inherit", "nationalLimit", "deviation",
            "addsToBase");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]*");

    /** One parameter as written in a file, before inheritance. */
    record Entry(Object value, String cite, LocalizedText note, boolean inherit, NationalLimit.Kind limit,
                 NationalLimit.Deviation deviation, boolean addsToBase) {
    }

    /** One parsed file. */
    record Parsed(SchemeSource source, String code, String documentNumber, String version, LocalizedText name,
                  LocalizedText issuer, String seed, String extendsCode, Node extendsNode,
                  Map<SchemeParameter<?>, Entry> entries, boolean cfpLabel) {
    }

    private SchemeLoader() {
    }

    static List<Scheme> load(List<SchemeSource> sources) {
        List<Problem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (SchemeSource s : sources) {
            parse(s, problems).ifPresent(parsed::add);
        }
        Map<String, Parsed> byCode = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            Parsed other = byCode.putIfAbsent(p.code(), p);
            if (other != null) {
                problems.add(new Problem(p.source().name(), "code", "duplicate scheme code '" + p.code()
                        + "', already defined in " + other.source().name() + " (each scheme needs its own code)"));
            }
        }
        for (Parsed p : byCode.values()) {
            if (p.extendsCode() == null) {
                for (SchemeParameter<?> param : SchemeParameter.ALL) {
                    if (!p.entries().containsKey(param)) {
                        problems.add(new Problem(p.source().name(), param.key(), "is required in a base scheme (one without "
                                + "'extends'); if the seed does not state it, write value: null with a note"));
                    }
                }
            } else if (!byCode.containsKey(p.extendsCode())) {
                problems.add(new Problem(p.source().name(), "extends", "extends unknown scheme '" + p.extendsCode()
                        + "'; known schemes: " + String.join(", ", byCode.keySet())));
            } else if (cyclic(p, byCode)) {
                problems.add(new Problem(p.source().name(), "extends", "'extends' forms a cycle through '"
                        + p.extendsCode() + "'"));
            }
            p.entries().forEach((param, e) -> {
                if (e.limit() != null && p.extendsCode() != null) {
                    problems.add(new Problem(p.source().name(), param.key() + ".nationalLimit",
                            "only a base scheme (one without 'extends') states national limits [decision D1]"));
                }
                if (e.limit() == NationalLimit.Kind.BOTH && param != SchemeParameter.TEAM_POLICY) {
                    problems.add(new Problem(p.source().name(), param.key() + ".nationalLimit",
                            "BOTH combines team rules only (teamPolicy); use AT_MOST, AT_LEAST or BASE"));
                }
                if ((e.limit() == NationalLimit.Kind.AT_MOST || e.limit() == NationalLimit.Kind.AT_LEAST)
                        && param.type() != Integer.class) {
                    problems.add(new Problem(p.source().name(), param.key() + ".nationalLimit",
                            e.limit() + " compares numbers; this parameter is not a number (use BASE)"));
                }
                if (e.deviation() != null && !p.cfpLabel()) {
                    problems.add(new Problem(p.source().name(), param.key() + ".deviation",
                            "a deviation from a national limit needs a CFP-label scheme (cfpLabel: true) [decision D1]"));
                }
                if (e.addsToBase() && param != SchemeParameter.DOCUMENT_CHECKLIST) {
                    problems.add(new Problem(p.source().name(), param.key() + ".addsToBase",
                            "only documentChecklist can add to the base scheme's list"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new SchemeDefinitionException(problems);
        }
        Map<String, Scheme> resolved = new LinkedHashMap<>();
        byCode.values().forEach(p -> resolve(p, byCode, resolved));
        for (Scheme s : resolved.values()) {
            crossCheck(s, problems);
        }
        if (!problems.isEmpty()) {
            throw new SchemeDefinitionException(problems);
        }
        return resolved.values().stream()
                .sorted(Comparator.comparingInt((Scheme s) -> depth(s, resolved))
                        .thenComparing(s -> s.seed() == null ? "" : s.seed())
                        .thenComparing(Scheme::code))
                .toList();
    }

    /** Rules across parameters, on the resolved scheme: an exemption can only take out a stage its flow has. */
    private static void crossCheck(Scheme s, List<Problem> problems) {
        cn.cfp.scheme.Flow flow = s.flow().value();
        if (flow == null) {
            problems.add(new Problem(s.source(), "flow", "is required: the case's route comes from it"));
            return;
        }
        var waiver = s.onsiteInspectionExemption().value();
        if (waiver != null && !flow.contains(waiver.waives())) {
            problems.add(new Problem(s.source(), "onsiteInspectionExemption.waives", "stage " + waiver.waives()
                    + " is not in the flow " + flow.stages()));
        }
        var prior = s.priorVerificationAdoption().value();
        if (prior != null && !flow.contains(prior.stage())) {
            problems.add(new Problem(s.source(), "priorVerificationAdoption." + (prior.waives() != null ? "waives" : "simplifies"),
                    "stage " + prior.stage()
                    + " is not in the flow " + flow.stages()));
        }
    }

    private static int depth(Scheme s, Map<String, Scheme> all) {
        int d = 0;
        for (Scheme x = s; x.extendsCode() != null; x = all.get(x.extendsCode())) {
            d++;
        }
        return d;
    }

    private static boolean cyclic(Parsed p, Map<String, Parsed> byCode) {
        Set<String> seen = new HashSet<>();
        for (Parsed x = p; x != null && x.extendsCode() != null; x = byCode.get(x.extendsCode())) {
            if (!seen.add(x.code())) {
                return true;
            }
        }
        return false;
    }

    private static Scheme resolve(Parsed p, Map<String, Parsed> byCode, Map<String, Scheme> done) {
        Scheme existing = done.get(p.code());
        if (existing != null) {
            return existing;
        }
        Scheme base = p.extendsCode() == null ? null : resolve(byCode.get(p.extendsCode()), byCode, done);
        Map<SchemeParameter<?>, Cited<?>> values = new LinkedHashMap<>();
        Map<SchemeParameter<?>, NationalLimit> limits = new LinkedHashMap<>();
        for (SchemeParameter<?> param : SchemeParameter.ALL) {
            Entry e = p.entries().get(param);
            Cited<?> value;
            if (e != null && (e.value() != null || !e.inherit() || base == null)) {
                Object own = e.value();
                String cite = e.cite();
                if (e.addsToBase() && base != null && base.get(param).value() instanceof DocumentChecklist inherited
                        && own instanceof DocumentChecklist added) {
                    own = appended(inherited, added);
                    cite = join(base.get(param).cite(), cite);
                }
                value = new Cited<>(own, cite, e.note(), false, p.code());
                NationalLimit.Kind kind = p.cfpLabel() && base != null ? limitKind(byCode.get(p.extendsCode()), param, byCode) : null;
                if (kind != null) {
                    Cited<?> b = base.get(param);
                    Object effective = e.deviation() != null ? own : effective(kind, own, b.value());
                    limits.put(param, new NationalLimit(kind, own, e.cite(), b.value(), b.cite(), effective, e.deviation()));
                    if (!java.util.Objects.equals(effective, own)) {
                        value = new Cited<>(effective, join(join(e.cite(), b.cite()), "decision D1"), e.note(), false, p.code());
                    }
                }
            } else {
                value = base.get(param).inheritedBy(e == null ? null : e.note());
            }
            values.put(param, value);
        }
        Scheme s = new Scheme(p.code(), p.documentNumber(), p.name(), p.issuer(), p.version(), p.seed(), p.extendsCode(),
                p.source().name(), values, p.cfpLabel(), limits);
        done.put(p.code(), s);
        return s;
    }

    /** The national-limit kind the nearest ancestor's file states for a parameter, or null. */
    private static NationalLimit.Kind limitKind(Parsed ancestor, SchemeParameter<?> param, Map<String, Parsed> byCode) {
        for (Parsed a = ancestor; a != null; a = a.extendsCode() == null ? null : byCode.get(a.extendsCode())) {
            Entry e = a.entries().get(param);
            if (e != null && e.limit() != null) {
                return e.limit();
            }
        }
        return null;
    }

    /** The value the platform applies under a national limit [decision D1]: the stricter of body and base. */
    static Object effective(NationalLimit.Kind kind, Object body, Object base) {
        if (base == null) {
            return body;
        }
        return switch (kind) {
            case BASE -> base;
            case AT_MOST -> body == null ? base : Math.min((Integer) body, (Integer) base);
            case AT_LEAST -> body == null ? base : Math.max((Integer) body, (Integer) base);
            case BOTH -> body == null ? base : TeamPolicy.both((TeamPolicy) base, (TeamPolicy) body);
        };
    }

    /** The base list followed by the body's items; a body item with a base item's id replaces it in place. */
    private static DocumentChecklist appended(DocumentChecklist base, DocumentChecklist added) {
        List<ChecklistItem> items = new ArrayList<>();
        for (ChecklistItem i : base.items()) {
            items.add(added.item(i.id()).orElse(i));
        }
        added.items().stream().filter(i -> base.item(i.id()).isEmpty()).forEach(items::add);
        return new DocumentChecklist(items);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    // ---- one file

    private static Optional<Parsed> parse(SchemeSource source, List<Problem> problems) {
        Object raw;
        try {
            raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(source.content());
        } catch (YAMLException e) {
            problems.add(new Problem(source.name(), "", "is not valid YAML: " + e.getMessage().replace('\n', ' ')));
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(new Problem(source.name(), "", raw == null ? "is empty"
                    : "must be a mapping of header fields and parameters, got " + Node.describe(raw)));
            return Optional.empty();
        }
        Node root = Node.root(source.name(), raw);
        int before = problems.size();
        String code = null;
        String documentNumber = null;
        String version = null;
        String seed = null;
        String extendsCode = null;
        Node extendsNode = null;
        LocalizedText name = null;
        LocalizedText issuer = null;
        boolean cfpLabel = false;
        Map<SchemeParameter<?>, Entry> entries = new LinkedHashMap<>();
        List<String> allowed = new ArrayList<>(HEADER_KEYS);
        SchemeParameter.ALL.forEach(p -> allowed.add(p.key()));
        Node.Fields f;
        try {
            f = root.fields(allowed.toArray(String[]::new));
        } catch (SchemeDefinitionException e) {
            // name the unknown key with a hint rather than the whole list of allowed keys
            for (Object k : map.keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    problems.add(new Problem(source.name(), String.valueOf(k), "unknown key" + hint(String.valueOf(k))
                            + "; allowed: the header fields " + HEADER_KEYS + " and the scheme parameters listed in docs/schemes.md"));
                }
            }
            return Optional.empty();
        }
        try {
            Node c = f.req("code");
            code = c.string();
            if (!CODE.matcher(code).matches()) {
                throw c.error("must be upper-case letters, digits, '.', '_' or '-' (it is used in URLs), got " + Node.describe(code));
            }
        } catch (SchemeDefinitionException e) {
            problems.addAll(e.problems());
        }
        try {
            documentNumber = f.opt("documentNumber").optString();
            version = f.req("version").raw() instanceof Number n ? n.toString() : f.req("version").string();
            name = f.req("name").text();
            issuer = f.req("issuer").text();
            seed = f.req("seed").string();
            extendsNode = f.opt("extends");
            extendsCode = extendsNode.optString();
            f.opt("note").optText();
            cfpLabel = f.opt("cfpLabel").boolOr(false);
        } catch (SchemeDefinitionException e) {
            problems.addAll(e.problems());
        }
        for (SchemeParameter<?> param : SchemeParameter.ALL) {
            Node n = f.opt(param.key());
            if (!map.containsKey(param.key())) {
                continue;
            }
            try {
                entries.put(param, entry(param, n));
            } catch (SchemeDefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(source, code, documentNumber == null ? code : documentNumber, version, name, issuer,
                seed, extendsCode, extendsNode, entries, cfpLabel));
    }

    private static Entry entry(SchemeParameter<?> param, Node n) {
        if (n.isNull()) {
            throw n.error("must be a mapping {value, cite, note}; to say the seed is silent write value: null and a note");
        }
        Node.Fields f = n.fields(ENTRY_KEYS.toArray(String[]::new));
        LocalizedText note = f.opt("note").optText();
        boolean inherit = f.opt("inherit").boolOr(true);
        NationalLimit.Kind limit = f.opt("nationalLimit").isNull() ? null : f.opt("nationalLimit").enumValue(NationalLimit.Kind.class);
        NationalLimit.Deviation deviation = null;
        if (!f.opt("deviation").isNull()) {
            Node.Fields d = f.opt("deviation").fields("reason", "decidedBy", "date");
            deviation = new NationalLimit.Deviation(d.req("reason").text(), d.req("decidedBy").string(), d.req("date").string());
        }
        boolean addsToBase = f.opt("addsToBase").boolOr(false);
        Node valueNode = f.opt("value");
        if (valueNode.isNull()) {
            if (note == null) {
                throw f.opt("note").error("is required when value is null: say why the seed does not state it");
            }
            String cite = f.has("cite") ? ValueParsers.cite(f.req("cite")) : null;
            return new Entry(null, cite, note, inherit, limit, deviation, addsToBase);
        }
        Object value = ValueParsers.parse(param, valueNode);
        if (!f.has("cite")) {
            throw f.opt("cite").error("is missing: every value needs its citation (seed id + clause), e.g. cite: \"000 §7.3.3\"");
        }
        return new Entry(value, ValueParsers.cite(f.req("cite")), note, inherit, limit, deviation, addsToBase);
    }

    /** " (did you mean 'x'?)" for a near miss, else "". */
    private static String hint(String key) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(HEADER_KEYS);
        SchemeParameter.ALL.forEach(p -> candidates.add(p.key()));
        for (String c : candidates) {
            int d = distance(key.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
