package cn.cfp.scheme.internal;

import cn.cfp.scheme.AssuranceChecklist;
import cn.cfp.scheme.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The assurance-capability item sets in {@code classpath:schemes/checklists/}: set {@code ANNEX1} is
 * {@code annex1.yaml}, {@code CEC_ANNEX3} is {@code cec-annex3.yaml}. A scheme names a set and may rename its clause
 * headings; an unknown set, heading or malformed item is a definition error at start-up.
 */
final class ChecklistSets {

    static final Pattern SET = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern ITEM = Pattern.compile("[A-Z][A-Z0-9]*-[0-9][0-9.]*");
    private static final Set<String> STAGES = Set.of("delivery-storage", "use", "end-of-life");

    private ChecklistSets() {
    }

    static String resource(String set) {
        return "schemes/checklists/" + set.toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
    }

    /** The set named at {@code setNode}, with {@code headings} (clause number → heading) replacing the set's own. */
    static AssuranceChecklist resolve(Node setNode, Node headingsNode, Node titleNode) {
        String set = setNode.string();
        if (!SET.matcher(set).matches()) {
            throw setNode.error("must be a set key like ANNEX1, got " + Node.describe(set));
        }
        String path = resource(set);
        String text;
        try (InputStream in = ChecklistSets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw setNode.error("unknown checklist set '" + set + "' (no " + path + ")");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw setNode.error("cannot read " + path + ": " + e.getMessage());
        }
        Object raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Node root = Node.root(path, raw);
        var f = root.fields("set", "title", "cite", "headings", "items");
        if (!set.equals(f.req("set").string())) {
            throw f.req("set").error("the file of set '" + set + "' must say set: " + set);
        }
        String cite = ValueParsers.cite(f.req("cite"));
        Map<String, LocalizedText> headings = headings(f.req("headings"));
        if (!headingsNode.isNull()) {
            Map<String, LocalizedText> own = headings(headingsNode);
            for (String k : own.keySet()) {
                if (!headings.containsKey(k)) {
                    throw headingsNode.error("the set " + set + " has no clause " + k + "; its clauses: " + headings.keySet());
                }
            }
            headings.putAll(own);
        }
        Set<String> ids = new HashSet<>();
        List<AssuranceChecklist.Item> items = f.req("items").nonEmptyList().stream().map(n -> {
            var i = n.fields("id", "clause", "top", "check", "applicability", "scopeStage");
            String id = i.req("id").string();
            if (!ITEM.matcher(id).matches() || !ids.add(id)) {
                throw i.req("id").error("must be a unique item id like A1-2.3, got " + Node.describe(id));
            }
            String top = i.req("top").string();
            LocalizedText heading = headings.get(top);
            if (heading == null) {
                throw i.req("top").error("no heading for clause " + top);
            }
            AssuranceChecklist.Applicability a = i.req("applicability").enumValue(AssuranceChecklist.Applicability.class);
            String stage = i.opt("scopeStage").optString();
            if ((a == AssuranceChecklist.Applicability.SCOPE) != (stage != null)) {
                throw i.opt("scopeStage").error("is required for applicability scope, and only then");
            }
            if (stage != null && !STAGES.contains(stage)) {
                throw i.opt("scopeStage").error("must be one of " + STAGES + ", got " + stage);
            }
            String clause = i.req("clause").string();
            return new AssuranceChecklist.Item(id, clause, heading, i.req("check").text(), a, stage, cite + " §" + clause);
        }).toList();
        LocalizedText title = titleNode.isNull() ? f.req("title").text() : titleNode.text();
        return new AssuranceChecklist(set, title, cite, items);
    }

    private static Map<String, LocalizedText> headings(Node n) {
        if (!(n.raw() instanceof Map<?, ?> m)) {
            throw n.error("must be a mapping of clause number to heading");
        }
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof String s ? new LocalizedText(s, null)
                : Node.root(n.file(), v).text()));
        return out;
    }

    /** The life-cycle stages a scope item may name. */
    static Set<String> stages() {
        return STAGES;
    }
}
