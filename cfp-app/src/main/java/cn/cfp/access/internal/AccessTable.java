package cn.cfp.access.internal;

import cn.cfp.access.Relation;
import cn.cfp.access.Role;
import cn.cfp.access.TokenScope;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The access table ({@code classpath:access/actions.yaml}): every action with the roles that may do it, its endpoints,
 * the record relation it needs and the least API-token scope it needs beyond its method's. Loaded and checked at start-up — an unknown role or relation, an endpoint listed
 * twice or a record parameter missing from an endpoint stops the application with the reason.
 */
@Component
class AccessTable {

    static final String RESOURCE = "access/actions.yaml";

    /** An endpoint: HTTP method and the controller's path pattern, exactly as mapped. */
    record Endpoint(String method, String pattern) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** The record an action is about: its kind, the path variable naming it, the relations (any one suffices). */
    record RecordRule(String kind, String param, Set<Relation> relations) {
    }

    /**
     * One row: an action; {@code roles} empty with {@code anyone} true means every signed-in person. {@code tokenScope}
     * is the least scope an API token needs for it whatever the method ({@code READ} when the table states none: the
     * method decides, see {@link TokenScopePolicy}).
     */
    record Action(String id, Set<Role> roles, boolean anyone, List<Endpoint> endpoints, RecordRule record, TokenScope tokenScope) {

        boolean allows(Set<Role> held) {
            return anyone || held.stream().anyMatch(roles::contains);
        }
    }

    private final List<Endpoint> publicEndpoints;
    private final List<Action> actions;
    private final Map<Endpoint, Action> byEndpoint = new LinkedHashMap<>();

    AccessTable() {
        this(new ClassPathResource(RESOURCE));
    }

    AccessTable(ClassPathResource resource) {
        Map<String, Object> root;
        try (InputStream in = resource.getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the access table " + RESOURCE, e);
        }
        List<String> problems = new ArrayList<>();
        publicEndpoints = endpoints(root.get("public"), "public", problems);
        List<Action> list = new ArrayList<>();
        Object actionsNode = root.get("actions");
        if (!(actionsNode instanceof Map<?, ?> map)) {
            throw new IllegalStateException(RESOURCE + ": 'actions' must be a mapping of action id to its rule");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String id = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> rule)) {
                problems.add(id + ": must be a mapping {roles, endpoints, record, tokenScope}");
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            boolean anyone = false;
            for (Object r : list(rule.get("roles"))) {
                String name = String.valueOf(r);
                switch (name) {
                    case "ANYONE" -> anyone = true;
                    case "STAFF" -> roles.addAll(Role.STAFF);
                    default -> {
                        try {
                            roles.add(Role.valueOf(name));
                        } catch (IllegalArgumentException x) {
                            problems.add(id + ": unknown role '" + name + "'; roles: ANYONE, STAFF, " + List.of(Role.values()));
                        }
                    }
                }
            }
            if (roles.isEmpty() && !anyone) {
                problems.add(id + ": needs roles");
            }
            List<Endpoint> endpoints = endpoints(rule.get("endpoints"), id, problems);
            RecordRule record = null;
            if (rule.get("record") instanceof Map<?, ?> rec) {
                Set<Relation> relations = EnumSet.noneOf(Relation.class);
                for (Object r : list(rec.get("relations"))) {
                    try {
                        relations.add(Relation.valueOf(String.valueOf(r)));
                    } catch (IllegalArgumentException x) {
                        problems.add(id + ": unknown relation '" + r + "'; relations: " + List.of(Relation.values()));
                    }
                }
                record = new RecordRule(String.valueOf(rec.get("kind")), String.valueOf(rec.get("param")), relations);
                for (Endpoint ep : endpoints) {
                    if (!ep.pattern().contains("{" + record.param() + "}")) {
                        problems.add(id + ": " + ep + " has no path variable {" + record.param() + "} naming the " + record.kind());
                    }
                }
            }
            TokenScope tokenScope = TokenScope.READ;
            if (rule.get("tokenScope") != null) {
                try {
                    tokenScope = TokenScope.valueOf(String.valueOf(rule.get("tokenScope")));
                } catch (IllegalArgumentException x) {
                    problems.add(id + ": unknown tokenScope '" + rule.get("tokenScope") + "'; scopes: " + List.of(TokenScope.values()));
                }
            }
            Action action = new Action(id, Collections.unmodifiableSet(roles), anyone, endpoints, record, tokenScope);
            list.add(action);
            for (Endpoint ep : endpoints) {
                if (byEndpoint.put(ep, action) != null) {
                    problems.add(ep + " is listed under two actions");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The access table " + RESOURCE + " is invalid:\n  " + String.join("\n  ", problems));
        }
        this.actions = List.copyOf(list);
    }

    List<Action> actions() {
        return actions;
    }

    List<Endpoint> publicEndpoints() {
        return publicEndpoints;
    }

    Optional<Action> action(String method, String pattern) {
        return Optional.ofNullable(byEndpoint.get(new Endpoint(method, pattern)));
    }

    boolean isPublic(String method, String pattern) {
        return publicEndpoints.contains(new Endpoint(method, pattern));
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
    }

    private static List<Endpoint> endpoints(Object node, String where, List<String> problems) {
        List<Endpoint> out = new ArrayList<>();
        for (Object o : list(node)) {
            String[] parts = String.valueOf(o).strip().split("\\s+");
            if (parts.length != 2 || !Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(parts[0]) || !parts[1].startsWith("/")) {
                problems.add(where + ": '" + o + "' must be 'METHOD /path'");
                continue;
            }
            out.add(new Endpoint(parts[0], parts[1]));
        }
        return out;
    }
}
