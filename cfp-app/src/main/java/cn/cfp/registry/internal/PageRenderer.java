package cn.cfp.registry.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a public page to bytes (to be cached and served to everybody alike): the page sees no request attributes (no
 * CSRF token, no signed-in person) and no session, only the variables given, so one rendering fits every visitor.
 */
@Component
class PageRenderer {

    private final ITemplateEngine engine;
    private volatile JakartaServletWebApplication application;

    PageRenderer(ITemplateEngine engine) {
        this.engine = engine;
    }

    byte[] render(String template, Map<String, Object> variables, Locale locale, HttpServletRequest request,
                  HttpServletResponse response) {
        JakartaServletWebApplication app = application;
        if (app == null) {
            app = JakartaServletWebApplication.buildApplication(request.getServletContext());
            application = app;
        }
        WebContext context = new WebContext(app.buildExchange(new Anonymous(request), new PlainLinks(response)), locale, variables);
        return engine.process(template, context).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Links as written: the response of the dispatcher is wrapped by Spring's ResourceUrlEncodingFilter, which looks
     * every link of a page up as a static resource on the class path (a search through every jar for a link such as
     * {@code /registry}, not cached when it misses — most of a rendering's time, measured); the public pages link the
     * style sheet and script under their plain names, which the resource handler serves as well.
     */
    private static final class PlainLinks extends HttpServletResponseWrapper {

        PlainLinks(HttpServletResponse response) {
            super(response);
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return url;
        }
    }

    /**
     * The request as a stranger's: none of the request's attributes (CSRF token, signed-in person), no session; the
     * attributes Thymeleaf keeps its variables in live in a map of this rendering only.
     */
    private static final class Anonymous extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        Anonymous(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object o) {
            if (o == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, o);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }
    }
}
