package cn.cfp.calc.io;

import cn.cfp.calc.model.InvalidInventoryException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A JSON node with the path that leads to it, so that every error names its place in the file. */
record Node(JsonNode json, String path) {

    Node field(String name) {
        JsonNode c = json.get(name);
        return c == null || c.isNull() ? null : new Node(c, path + "." + name);
    }

    Node required(String name) {
        Node n = field(name);
        if (n == null) {
            throw error("'" + name + "' is missing");
        }
        return n;
    }

    String text(String name) {
        Node n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.json.isString() && !n.json.isNumber() && !n.json.isBoolean()) {
            throw n.error("must be a text");
        }
        return n.json.asString();
    }

    Double number(String name) {
        Node n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.json.isNumber()) {
            throw n.error("must be a number, was " + n.json);
        }
        double v = n.json.asDouble();
        if (!Double.isFinite(v)) {
            throw n.error("must be a finite number, was " + n.json);
        }
        return v;
    }

    double requiredNumber(String name) {
        Double v = number(name);
        if (v == null) {
            throw error("'" + name + "' is missing");
        }
        return v;
    }

    boolean bool(String name) {
        Node n = field(name);
        if (n == null) {
            return false;
        }
        if (!n.json.isBoolean()) {
            throw n.error("must be true or false");
        }
        return n.json.asBoolean();
    }

    java.util.List<Node> array(String name) {
        Node n = field(name);
        java.util.List<Node> out = new java.util.ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.json.isArray()) {
            throw n.error("must be a list");
        }
        for (int i = 0; i < n.json.size(); i++) {
            JsonNode c = n.json.get(i);
            String label = c.isObject() && c.has("name") ? " '" + c.get("name").asString() + "'"
                    : c.isObject() && c.has("id") ? " '" + c.get("id").asString() + "'" : "";
            out.add(new Node(c, n.path + "[" + i + "]" + label));
        }
        return out;
    }

    void allowOnly(Set<String> names) {
        if (!json.isObject()) {
            throw error("must be an object");
        }
        for (String f : json.propertyNames()) {
            if (!names.contains(f)) {
                throw error("unknown field '" + f + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(names)) + ")");
            }
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String t = text(name);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw field(name).error("unknown value '" + t + "' (allowed: "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    InvalidInventoryException error(String message) {
        return new InvalidInventoryException(path + ": " + message);
    }
}
