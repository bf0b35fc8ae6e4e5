package cn.cfp.web.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.shared.Reason;
import cn.cfp.shared.ReasonTexts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.ObjectMapper;

/**
 * How a {@link Problem} is answered. An API client ({@code /api/**}) gets JSON
 * {@code {"status", "errors": [{"code", "message", "args", "field"}]}}. A person whose form was refused (a POST answered
 * 400 or 409) is sent back (303) to the page the form was on, with the reasons and what they typed as a flash
 * attribute ({@link FormRefusal}); so is a person whose search form (a GET carrying {@code _form}) was refused, unless
 * that page is the address refused. Anything else is an error page inside the shell, in words, with a link back that
 * works under the content security policy. An unexpected failure is logged under a reference that the answer quotes.
 */
@Component
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    /** Parameters never kept for re-filling a form: the form's own markers, the CSRF token, anything secret. */
    private static final Set<String> NOT_KEPT = Set.of("_form", "_page", "_csrf");
    private static final int MAX_KEPT_PARAMETERS = 300;
    private static final int MAX_KEPT_CHARS = 20_000;
    /** Where a refused form goes when its page is not known. */
    static final String DEFAULT_PAGE = "/mywork";
    /** Statuses with their own title on the error page ({@code error.title.<status>}). */
    private static final Set<Integer> TITLED = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 500);

    private final ReasonTexts texts;
    private final ObjectMapper json;
    private final DataSize maxFileSize;

    /** The platform's public address (scheme, host, port) as configured: pages behind a proxy refer from there. */
    private final URI baseUrl;

    ErrorAnswers(ReasonTexts texts, ObjectMapper json,
                 @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
                 @Value("${cfp.base-url:}") String baseUrl) {
        this.texts = texts;
        this.json = json;
        this.maxFileSize = maxFileSize;
        URI base = null;
        try {
            base = baseUrl == null || baseUrl.isBlank() ? null : new URI(baseUrl);
        } catch (URISyntaxException e) {
            log.warn("cfp.base-url '{}' is not a URL; referring pages are recognised by the request's own host only", baseUrl);
        }
        this.baseUrl = base != null && base.getHost() != null ? base : null;
    }

    DataSize maxFileSize() {
        return maxFileSize;
    }

    /**
     * The answer to a problem of a request.
     *
     * @param path          the path the client asked for (without the context path)
     * @param errorDispatch true when answering on the container's error dispatch (the original handler is gone)
     */
    ModelAndView answer(Problem problem, HttpServletRequest request, HttpServletResponse response, String path, String method,
                        boolean errorDispatch) {
        logged(problem, path, method);
        problem.headers().forEach(response::setHeader);
        if (isApi(path)) {
            return new ModelAndView(jsonView(problem));
        }
        if (!errorDispatch && (problem.status() == 400 || problem.status() == 409)) {
            if ("POST".equals(method)) {
                return backToForm(problem, request, null);
            }
            if ("GET".equals(method) && request.getParameter("_form") != null) {
                // a search form (method GET) of a page: back to that page unless it is this very address
                String page = back(request);
                if (page != null && !page.equals(pathAndQuery(request, path))) {
                    return backToForm(problem, request, page);
                }
            }
        }
        return page(problem, request, path);
    }

    static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api"));
    }

    // ------------------------------------------------------------------ API

    private View jsonView(Problem problem) {
        return (model, request, response) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", problem.status());
            body.put("errors", problem.reasons());
            response.setStatus(problem.status());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), body);
        };
    }

    // ------------------------------------------------------------------ a refused form

    /** The page a form was on: its {@code _page}, else the referring page of this application; null if unknown. */
    private String back(HttpServletRequest request) {
        String page = local(request.getParameter("_page"));
        return page != null ? page : referer(request);
    }

    private ModelAndView backToForm(Problem problem, HttpServletRequest request, String knownPage) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FormRefusal.Line> lines = new ArrayList<>();
        for (Reason r : problem.reasons()) {
            lines.add(new FormRefusal.Line(r.field(), texts.text(r, locale)));
        }
        FormRefusal refusal = new FormRefusal(request.getParameter("_form"), lines, kept(request));
        String page = knownPage != null ? knownPage : back(request);
        if (page == null) {
            // the form's page is not known: its reasons show at the top of the default page
            page = DEFAULT_PAGE;
            refusal = refusal.unattached();
        }
        RequestContextUtils.getOutputFlashMap(request).put(FormRefusal.ATTRIBUTE, refusal);
        RedirectView view = new RedirectView(page, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        view.setExpandUriTemplateVariables(false);
        return new ModelAndView(view);
    }

    /** What the person sent, to re-fill the form: text fields only (never files), never a password or token. */
    private static Map<String, List<String>> kept(HttpServletRequest request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            String name = e.getKey();
            if (out.size() >= MAX_KEPT_PARAMETERS || NOT_KEPT.contains(name) || secret(name)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String v : e.getValue()) {
                values.add(v == null ? "" : v.length() > MAX_KEPT_CHARS ? v.substring(0, MAX_KEPT_CHARS) : v);
            }
            out.put(name, values);
        }
        return out;
    }

    private static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("token");
    }

    // ------------------------------------------------------------------ error page

    private ModelAndView page(Problem problem, HttpServletRequest request, String path) {
        Locale locale = LocaleContextHolder.getLocale();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        CfpPrincipal user = auth != null && auth.getPrincipal() instanceof CfpPrincipal p ? p : null;
        ModelAndView mav = new ModelAndView("error/page");
        int status = problem.status();
        mav.addObject("shell", Shell.of(user, path));
        mav.addObject("status", status);
        mav.addObject("titleKey", TITLED.contains(status) ? "error.title." + status : "error.title");
        mav.addObject("reasons", texts.texts(problem.reasons(), locale));
        mav.addObject("reference", problem.reference());
        String back = referer(request);
        mav.addObject("back", back != null && !back.equals(pathAndQuery(request, path)) ? back : null);
        mav.addObject("home", user == null ? "/login" : DEFAULT_PAGE);
        mav.setStatus(HttpStatusCode.valueOf(status));
        return mav;
    }

    private static String pathAndQuery(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    // ------------------------------------------------------------------ where "back" is

    /** A path of this application ({@code /…}, not {@code //host}), or null. */
    static String local(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 2000 || !candidate.startsWith("/")
                || candidate.startsWith("//") || candidate.startsWith("/\\") || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return candidate;
    }

    /**
     * The referring page when it is a page of this application (the request's own host and port, or the configured
     * {@code cfp.base-url}), as a local path; else null.
     */
    String referer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return null;
            }
            boolean self = uri.getHost().equalsIgnoreCase(request.getServerName()) && port(uri) == request.getServerPort();
            boolean base = baseUrl != null && uri.getHost().equalsIgnoreCase(baseUrl.getHost())
                    && uri.getScheme().equalsIgnoreCase(baseUrl.getScheme()) && port(uri) == port(baseUrl);
            if (!self && !base) {
                return null;
            }
            String context = request.getContextPath();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.startsWith(context.isEmpty() ? "/" : context + "/")) {
                return null;
            }
            path = path.substring(context.length());
            return local(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    // ------------------------------------------------------------------ log

    static void logged(Problem problem, String path, String method) {
        if (problem.unexpected()) {
            log.error("Unexpected failure, reference {}: {} {}", problem.reference(), method, path, problem.cause());
        } else if (problem.cause() != null && Problem.busy(problem.cause())) {
            log.warn("No database connection free in time for {} {} (503): {}", method, path, rootMessage(problem.cause()));
        } else if (problem.cause() != null && Problem.integrity(problem.cause()) != null) {
            log.warn("A database constraint refused a write on {} {} ({}): {}", method, path, problem.status(), rootMessage(problem.cause()));
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} answered {}", method, path, problem);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }
}
