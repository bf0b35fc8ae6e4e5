package cn.cfp.registry.internal;

import cn.cfp.registry.Registry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The QR target's fast path [issue 10 item 7, "fast"]: a plain {@code GET /c/{number}} or
 * {@code GET /api/public/certificates/{number}} whose rendering of today is already in the registry's memory is answered
 * from there, before the security chain and the dispatcher, with the same headers the platform sends on every answer
 * (the content security policy and the others of {@code SecurityConfig}). Both addresses are public (actions.yaml
 * {@code public:}) and the rendering is the same for every visitor, so nothing is skipped that would refuse or change
 * the answer. Anything else — a query string ({@code ?lang=} sets the language cookie), another spelling of the number,
 * a number not cached, another method — takes the ordinary way, which renders and caches.
 */
@Configuration(proxyBeanMethods = false)
class RegistryFastPath {

    @Bean
    FilterRegistrationBean<Filter> registryFastPathFilter(Registry registry, @Value("${cfp.security.tls:false}") boolean tls) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(registry, tls));
        registration.addUrlPatterns("/c/*", "/api/public/certificates/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final Registry registry;
        private final boolean tls;

        Filter(Registry registry, boolean tls) {
            this.registry = registry;
            this.tls = tls;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<byte[]> hit = "GET".equals(request.getMethod()) && request.getQueryString() == null ? answer(request) : Optional.empty();
            if (hit.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            boolean html = path(request).startsWith("/c/");
            response.setStatus(200);
            if (html) {
                response.setHeader("Content-Language", english(request) ? "en" : "zh-CN");
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-XSS-Protection", "0");
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
            response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
            if (tls) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
            }
            response.setContentType(html ? "text/html;charset=UTF-8" : "application/json");
            byte[] body = hit.get();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private Optional<byte[]> answer(HttpServletRequest request) {
            String path = path(request);
            String number;
            String kind;
            if (path.startsWith("/c/")) {
                number = path.substring(3);
                kind = "html-" + (english(request) ? "en" : "zh");
            } else if (path.startsWith("/api/public/certificates/")) {
                number = path.substring("/api/public/certificates/".length());
                kind = "json";
            } else {
                return Optional.empty();
            }
            if (number.isEmpty() || number.length() > 64 || number.indexOf('/') >= 0 || number.indexOf('%') >= 0
                    || number.indexOf(';') >= 0) {
                return Optional.empty();
            }
            return registry.cachedRendering(number, kind);
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

        /** The language the ordinary way would choose: the {@code cfp-lang} cookie (LocaleConfig), else Chinese. */
        private static boolean english(HttpServletRequest request) {
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if ("cfp-lang".equals(c.getName())) {
                        return c.getValue() != null && c.getValue().startsWith("en");
                    }
                }
            }
            return false;
        }
    }
}
