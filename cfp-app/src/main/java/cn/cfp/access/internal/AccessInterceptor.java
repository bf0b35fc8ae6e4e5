package cn.cfp.access.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.RecordGuard;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces the access table on every request to a CFP handler, before the handler runs: the endpoint must be listed,
 * the person must hold one of the action's roles, a call with an API token must be within the token's scope
 * ({@link TokenScopePolicy}) and, for an action about a record, the person must hold one of its relations to that record
 * (asked of the owning module's {@link RecordGuard}). A refusal says why and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class AccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final AccessTable table;
    private final Map<String, RecordGuard> guards;

    AccessInterceptor(AccessTable table, List<RecordGuard> guards) {
        this.table = table;
        this.guards = guards.stream().collect(Collectors.toMap(RecordGuard::kind, Function.identity()));
        table.actions().stream().filter(a -> a.record() != null && !this.guards.containsKey(a.record().kind())).findFirst()
                .ifPresent(a -> {
                    throw new IllegalStateException("Access table action " + a.id() + " names record kind '" + a.record().kind()
                            + "', which no module guards; guarded kinds: " + this.guards.keySet());
                });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod hm) || !hm.getBeanType().getPackageName().startsWith("cn.cfp")) {
            return true; // static resources, the error page and the OpenAPI document are governed by the filter chain
        }
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        String method = request.getMethod();
        if (table.isPublic(method, pattern)) {
            return true;
        }
        AccessTable.Action action = table.action(method, pattern)
                .orElseThrow(() -> Refusal.forbidden("access.unlisted", method + " " + pattern));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = auth != null && auth.getPrincipal() instanceof CfpPrincipal p ? p.actor() : null;
        if (actor == null) {
            throw new Refusal(401, List.of(Reason.of("access.signIn")));
        }
        if (!action.allows(actor.roles())) {
            throw Refusal.forbidden("access.role", action.id(), action.roles());
        }
        if (auth.getDetails() instanceof TokenGrant grant) {
            TokenScopePolicy.check(grant.scope(), action, method).orRefuse(403);
        }
        if (action.record() != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String raw = vars == null ? null : vars.get(action.record().param());
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw Refusal.badRequest("shared.badParameter", action.record().param());
            }
            Verdict v = guards.get(action.record().kind()).check(actor, id, action.record().relations());
            v.orRefuse(403);
        }
        return true;
    }
}
