package cn.cfp.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** Where "back" may lead: only to a page of this application — never another site, whatever a form or a header says. */
class BackLinksTest {

    final ErrorAnswers answers = new ErrorAnswers(null, null, DataSize.ofMegabytes(64), "https://cfp.example.org");

    @Test
    void a_local_path_is_kept_and_anything_that_leaves_the_application_is_not() {
        assertThat(ErrorAnswers.local("/portal")).isEqualTo("/portal");
        assertThat(ErrorAnswers.local("/evidence?org=3&lang=en")).isEqualTo("/evidence?org=3&lang=en");
        assertThat(ErrorAnswers.local("//evil.example/x")).isNull();
        assertThat(ErrorAnswers.local("/\\evil.example")).isNull();
        assertThat(ErrorAnswers.local("https://evil.example/")).isNull();
        assertThat(ErrorAnswers.local("javascript:alert(1)")).isNull();
        assertThat(ErrorAnswers.local("/a\r\nLocation: x")).isNull();
        assertThat(ErrorAnswers.local("")).isNull();
        assertThat(ErrorAnswers.local(null)).isNull();
    }

    @Test
    void the_referring_page_counts_only_from_this_application() {
        assertThat(answers.referer(request("http://localhost:8080/applications/7?lang=en"))).isEqualTo("/applications/7?lang=en");
        assertThat(answers.referer(request("http://localhost:8080"))).isEqualTo("/");
        // behind a proxy: the configured public address
        assertThat(answers.referer(request("https://cfp.example.org/portal"))).isEqualTo("/portal");
        assertThat(answers.referer(request("http://localhost:9999/portal"))).isNull();
        assertThat(answers.referer(request("https://evil.example/portal"))).isNull();
        assertThat(answers.referer(request("http://cfp.example.org/portal"))).isNull();
        assertThat(answers.referer(request("file:///etc/passwd"))).isNull();
        assertThat(answers.referer(request("not a url"))).isNull();
        assertThat(answers.referer(new MockHttpServletRequest())).isNull();
    }

    static MockHttpServletRequest request(String referer) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/portal/parties");
        r.setServerName("localhost");
        r.setServerPort(8080);
        r.addHeader("Referer", referer);
        return r;
    }
}
