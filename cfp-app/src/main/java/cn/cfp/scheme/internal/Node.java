package cn.cfp.scheme.internal;

import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.SchemeDefinitionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A value from a parsed YAML file that knows its file and dotted field path, so that every error names both.
 * Read-only; obtained from {@link #root(String, Object)}.
 */
final class Node {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String file;
    private final String path;
    private final Object raw;

    private Node(String file, String path, Object raw) {
        this.file = file;
        this.path = path;
        this.raw = raw;
    }

    static Node root(String file, Object raw) {
        return new Node(file, "", raw);
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    Object raw() {
        return raw;
    }

    boolean isNull() {
        return raw == null;
    }

    SchemeDefinitionException error(String reason) {
        return new SchemeDefinitionException(file, path, reason);
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return String.valueOf(v);
    }

    private Node child(String key, Object value) {
        return new Node(file, path.isEmpty() ? key : path + "." + key, value);
    }

    // ---- mappings

    /** This node as a mapping whose keys must all be among {@code allowed}. */
    Fields fields(String... allowed) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw error("must be a mapping with keys " + String.join(", ", allowed) + ", got " + describe(raw));
        }
        Set<String> ok = new LinkedHashSet<>(Arrays.asList(allowed));
        for (Object k : m.keySet()) {
            if (!(k instanceof String ks) || !ok.contains(ks)) {
                throw child(String.valueOf(k), null).error("unknown key; allowed keys here: " + String.join(", ", ok));
            }
        }
        return new Fields(m);
    }

    final class Fields {
        private final Map<?, ?> map;

        private Fields(Map<?, ?> map) {
            this.map = map;
        }

        boolean has(String key) {
            return map.containsKey(key) && map.get(key) != null;
        }

        /** The child; its raw value may be null (key absent or null). */
        Node opt(String key) {
            return child(key, map.get(key));
        }

        /** The child, which must be present and not null. */
        Node req(String key) {
            Node n = child(key, map.get(key));
            if (n.isNull()) {
                throw n.error("is required");
            }
            return n;
        }
    }

    // ---- lists

    List<Node> list() {
        if (!(raw instanceof List<?> l)) {
            throw error("must be a list, got " + describe(raw));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new Node(file, path + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    List<Node> nonEmptyList() {
        List<Node> l = list();
        if (l.isEmpty()) {
            throw error("must be a non-empty list");
        }
        return l;
    }

    <T> List<T> listOf(Function<Node, T> f) {
        return isNull() ? List.of() : list().stream().map(f).toList();
    }

    // ---- scalars

    String string() {
        if (!(raw instanceof String s) || s.isBlank()) {
            throw error("must be a non-empty text, got " + describe(raw));
        }
        return s.strip();
    }

    String optString() {
        return isNull() ? null : string();
    }

    /** A stable upper-case identifier such as {@code DOC_REVIEW}. */
    String key() {
        String s = string();
        if (!KEY.matcher(s).matches()) {
            throw error("must be an upper-case identifier like DOC_REVIEW, got " + describe(raw));
        }
        return s;
    }

    boolean bool() {
        if (!(raw instanceof Boolean b)) {
            throw error("must be true or false, got " + describe(raw));
        }
        return b;
    }

    Boolean optBool() {
        return isNull() ? null : bool();
    }

    boolean boolOr(boolean dflt) {
        return isNull() ? dflt : bool();
    }

    int positiveInt() {
        if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() <= 0
                || ((Number) raw).longValue() > Integer.MAX_VALUE) {
            throw error("must be a positive integer, got " + describe(raw));
        }
        return ((Number) raw).intValue();
    }

    Integer optPositiveInt() {
        return isNull() ? null : positiveInt();
    }

    int nonNegativeInt() {
        if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < 0
                || ((Number) raw).longValue() > Integer.MAX_VALUE) {
            throw error("must be an integer ≥ 0, got " + describe(raw));
        }
        return ((Number) raw).intValue();
    }

    BigDecimal number() {
        if (!(raw instanceof Number n)) {
            throw error("must be a number, got " + describe(raw));
        }
        return new BigDecimal(n.toString());
    }

    BigDecimal positiveNumber() {
        BigDecimal d = raw instanceof Number ? number() : null;
        if (d == null || d.signum() <= 0) {
            throw error("must be a positive number, got " + describe(raw));
        }
        return d;
    }

    BigDecimal percent() {
        BigDecimal d = raw instanceof Number ? number() : null;
        if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw error("must be a percentage between 0 and 100, got " + describe(raw));
        }
        return d;
    }

    BigDecimal optPercent() {
        return isNull() ? null : percent();
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String s = raw instanceof String str ? str.strip().toUpperCase(Locale.ROOT).replace('-', '_') : null;
        if (s != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
        }
        throw error("must be one of " + Arrays.toString(type.getEnumConstants()) + ", got " + describe(raw));
    }

    <E extends Enum<E>> E optEnum(Class<E> type) {
        return isNull() ? null : enumValue(type);
    }

    /** {@code {zh: …, en: …}} (zh required) or a plain text used for both languages. */
    LocalizedText text() {
        if (raw instanceof String) {
            String s = string();
            return new LocalizedText(s, s);
        }
        Fields f = fields("zh", "en");
        return new LocalizedText(f.req("zh").string(), f.opt("en").optString());
    }

    LocalizedText optText() {
        return isNull() ? null : text();
    }
}
