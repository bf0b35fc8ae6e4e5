package cn.cfp.access.internal;

import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.shared.Reason;
import cn.cfp.shared.ReasonTexts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates API clients sending {@code Authorization: Bearer cfp_...}. A bad token is a 401, never a fallback; its
 * body has the shape of every API refusal ({@code {"status", "errors": [{"code", "message", "args"}]}}), in the
 * request's language: {@code access.token.invalid} for a token nobody issued, {@code access.token.revoked},
 * {@code access.token.expired} or {@code access.token.ownerDisabled} for a real one. The owner's failed-login lock-out
 * does not stop their tokens (issue 8 item 5). A valid token's scope travels with the authentication
 * ({@link TokenGrant}) to the {@link AccessInterceptor}, which enforces it.
 */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ReasonTexts texts;
    private final ObjectProvider<LocaleResolver> locales;
    private final JsonMapper json = JsonMapper.builder().build();

    BearerTokenFilter(ApiTokens tokens, ReasonTexts texts, ObjectProvider<LocaleResolver> locales) {
        this.tokens = tokens;
        this.texts = texts;
        this.locales = locales;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(7).strip();
        ApiTokens.Check check = tokens.check(token);
        if (check instanceof ApiTokens.Check.Invalid invalid) {
            refuse(request, response, invalid.reason());
            return;
        }
        ApiTokens.Check.Valid valid = (ApiTokens.Check.Valid) check;
        CfpPrincipal p = valid.owner();
        var auth = UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
        auth.setDetails(new TokenGrant(valid.tokenId(), valid.scope()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Reason reason) throws IOException {
        LocaleResolver resolver = locales.getIfAvailable();
        Locale locale = resolver != null ? resolver.resolveLocale(request) : Locale.SIMPLIFIED_CHINESE;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", reason.code());
        error.put("message", texts.text(reason, locale));
        error.put("args", reason.args().stream().map(a -> texts.render(a, locale)).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        body.put("errors", List.of(error));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
