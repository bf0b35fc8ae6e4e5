package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 17: the Content-Security-Policy allows scripts from the platform's own files only, so an inline script or
 * event handler in a template silently does nothing (the evidence page's organisation switch once did). No template
 * may contain one.
 */
class NoInlineScriptsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** on…= attributes (onclick, onchange, onsubmit …), plain or Thymeleaf's th:on… */
    private static final Pattern HANDLER = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern JS_URL = Pattern.compile("(?:href|src|action)\\s*=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void no_template_has_an_inline_script_or_event_handler() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).hasSizeGreaterThan(10);
        for (Path p : templates) {
            String html = Files.readString(p);
            Matcher h = HANDLER.matcher(html);
            while (h.find()) {
                found.add(p + ": event handler " + h.group().strip());
            }
            Matcher s = SCRIPT.matcher(html);
            while (s.find()) {
                if (!s.group(1).matches(".*\\b(?:th:)?src\\s*=.*")) { // a <script src=…> of our own is allowed
                    found.add(p + ": inline <script>");
                }
            }
            if (JS_URL.matcher(html).find()) {
                found.add(p + ": javascript: URL");
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void the_scan_finds_what_it_looks_for() {
        // the patterns themselves, on hand-made examples: a test that can never fail proves nothing
        assertThat(HANDLER.matcher("<select name=\"org\" onchange=\"this.form.submit()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<button th:onclick=\"'go()'\">").find()).isTrue();
        assertThat(HANDLER.matcher("<option th:selected=\"${x}\">").find()).isFalse();
        Matcher inline = SCRIPT.matcher("<script>alert(1)</script>");
        assertThat(inline.find() && !inline.group(1).matches(".*\\bsrc\\s*=.*")).isTrue();
        Matcher own = SCRIPT.matcher("<script th:src=\"@{/js/htmx.min.js}\" defer></script>");
        assertThat(own.find() && !own.group(1).matches(".*\\b(?:th:)?src\\s*=.*")).isFalse();
    }
}
