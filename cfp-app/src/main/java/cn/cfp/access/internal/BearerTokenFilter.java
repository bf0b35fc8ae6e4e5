package cn.cfp.access.internal;

import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API clients sending {@code Authorization: Bearer cfp_...}. A bad token is a 401, never a fallback. */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final JdbcUserDetailsService users;

    BearerTokenFilter(ApiTokens tokens, JdbcUserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
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
        Optional<CfpPrincipal> principal = tokens.ownerOf(token).flatMap(users::findById)
                .filter(p -> p.isEnabled() && p.isAccountNonLocked());
        if (principal.isEmpty()) {
            response.setContentType("application/json");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write("{\"status\":401,\"errors\":[\"The API token is unknown, revoked, or its user is disabled or locked\"]}");
            return;
        }
        CfpPrincipal p = principal.get();
        var auth = UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
