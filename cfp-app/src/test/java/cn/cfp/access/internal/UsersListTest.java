package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 8 item 15: the admin's users list is searched (username, name, organisation name), filtered (role, enabled or
 * disabled, organisation), sorted by its column heads and paged with the shared pager; bad parameters are answered in
 * words (400), never with a 500; only admins see it. Five users of this test's own make the numbers:
 *
 * <pre>
 *   username  name        roles      organisation   enabled
 *   tag-a     N tag Echo  INSPECTOR  —              yes
 *   tag-b     N tag Delta INSPECTOR  —              no
 *   tag-c     N tag Charl VERIFIER   —              yes
 *   tag-d     N tag Bravo CLIENT     the new client yes
 *   tag-e     N tag Alpha INSPECTOR  —              yes
 * </pre>
 */
@CfpIntegrationTest
class UsersListTest {

    private static final Pattern ROW = Pattern.compile("class=\"user-row\" data-username=\"([^\"]+)\"");
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserDirectory directory;
    @Autowired
    ApplicationContext context;

    TestHttp http;
    String tag;
    String orgName;
    String orgUser;
    long org;
    List<String> names = new ArrayList<>();

    @BeforeEach
    void fiveUsers() {
        http = new TestHttp(port, userDetails, tokens);
        CaseFixture fx = new CaseFixture(context);
        tag = "ul" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // a new client company "测试企业 zz<other>" with its own user zz<other> (whose name, "客户 zz<other>", lacks "测试企业")
        orgUser = fx.newClient("zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        org = fx.clientOrg(orgUser);
        orgName = "测试企业 " + orgUser;
        String[] display = {"Echo", "Delta", "Charlie", "Bravo", "Alpha"};
        Role[] roles = {Role.INSPECTOR, Role.INSPECTOR, Role.VERIFIER, Role.CLIENT, Role.INSPECTOR};
        for (int i = 0; i < 5; i++) {
            String username = tag + "-" + (char) ('a' + i);
            long id = directory.create("admin", username, "N " + tag + " " + display[i], "list-test-pass-" + i, Set.of(roles[i]),
                    roles[i] == Role.CLIENT ? org : null);
            if (i == 1) {
                directory.update("admin", id, "N " + tag + " " + display[i], Set.of(roles[i]), null, false);
            }
            names.add(username);
        }
    }

    @Test
    void the_search_pages_with_the_total_and_page_two_holds_exactly_the_third_and_fourth() {
        HttpResponse<String> first = page("q=" + tag + "&size=2");
        assertThat(first.body()).contains("id=\"pager-range\">第 1–2 条，共 5 条<")
                .contains("href=\"/admin/users?q=" + tag + "&amp;page=1&amp;size=2\"").doesNotContain("id=\"pager-prev\"");
        assertThat(rows(first)).containsExactly(names.get(0), names.get(1));
        HttpResponse<String> second = page("q=" + tag + "&page=1&size=2");
        assertThat(rows(second)).containsExactly(names.get(2), names.get(3));
        assertThat(second.body()).contains("id=\"pager-range\">第 3–4 条，共 5 条<").contains("id=\"pager-prev\"")
                .contains("id=\"pager-next\"");
        assertThat(rows(page("q=" + tag + "&page=2&size=2"))).containsExactly(names.get(4));
        assertThat(rows(page("q=" + tag + "&page=3&size=2"))).as("past the end: an empty page, not an error").isEmpty();
        // the search finds the display name too, whatever its case, and the form shows what was searched
        assertThat(rows(page("q=" + enc(tag.toUpperCase() + " del")))).containsExactly(names.get(1));
        assertThat(page("q=" + tag).body()).contains("value=\"" + tag + "\"");
        // English pages say it in English
        assertThat(page("q=" + tag + "&size=2&lang=en").body()).contains("1–2 of 5<").contains(">Find (in the username");
    }

    @Test
    void a_search_for_an_organisations_name_finds_its_users() {
        assertThat(rows(page("q=" + enc(orgName)))).containsExactlyInAnyOrder(orgUser, names.get(3));
        assertThat(rows(page("org=" + org))).containsExactlyInAnyOrder(orgUser, names.get(3));
        assertThat(rows(page("q=" + tag + "&org=" + org))).containsExactly(names.get(3));
    }

    @Test
    void filters_by_role_and_by_enabled_or_disabled() {
        assertThat(rows(page("q=" + tag + "&role=INSPECTOR"))).containsExactly(names.get(0), names.get(1), names.get(4));
        assertThat(rows(page("q=" + tag + "&role=INSPECTOR&status=ENABLED"))).containsExactly(names.get(0), names.get(4));
        assertThat(rows(page("q=" + tag + "&status=DISABLED"))).containsExactly(names.get(1));
        assertThat(rows(page("q=" + tag + "&role=CLIENT"))).containsExactly(names.get(3));
        // the second page of a filtered list, and its links keep the filter
        HttpResponse<String> second = page("q=" + tag + "&role=INSPECTOR&page=1&size=2");
        assertThat(rows(second)).containsExactly(names.get(4));
        assertThat(second.body()).contains("id=\"pager-range\">第 3–3 条，共 3 条<")
                .contains("href=\"/admin/users?q=" + tag + "&amp;role=INSPECTOR&amp;page=0&amp;size=2\"");
        assertThat(page("q=" + tag + "&role=REGULATOR").body()).contains("id=\"users-none\"").doesNotContain("id=\"users-table\"");
    }

    @Test
    void sorts_by_username_and_by_name_both_ways_from_the_column_heads() {
        assertThat(rows(page("q=" + tag + "&sort=USERNAME_DESC"))).containsExactly(names.get(4), names.get(3), names.get(2),
                names.get(1), names.get(0));
        // names Alpha … Echo belong to e … a
        assertThat(rows(page("q=" + tag + "&sort=NAME&page=1&size=2"))).containsExactly(names.get(2), names.get(1));
        assertThat(rows(page("q=" + tag + "&sort=NAME_DESC&size=2"))).containsExactly(names.get(0), names.get(1));
        assertThat(rows(page("q=" + tag + "&sort=NEWEST&size=2"))).containsExactly(names.get(4), names.get(3));
        // the heads link to the other direction of the column the list is sorted by, keeping search and page size
        String byUsername = page("q=" + tag + "&size=2").body();
        assertThat(byUsername).contains("id=\"sort-username\" href=\"/admin/users?q=" + tag + "&amp;sort=USERNAME_DESC&amp;size=2\"")
                .contains("aria-sort=\"ascending\"")
                .contains("id=\"sort-name\" href=\"/admin/users?q=" + tag + "&amp;sort=NAME&amp;size=2\"");
        String byName = page("q=" + tag + "&sort=NAME").body();
        assertThat(byName).contains("id=\"sort-name\" href=\"/admin/users?q=" + tag + "&amp;sort=NAME_DESC\"");
        // the pager keeps the order
        assertThat(page("q=" + tag + "&sort=NAME&size=2").body()).contains("href=\"/admin/users?q=" + tag + "&amp;sort=NAME&amp;page=1&amp;size=2\"");
    }

    @Test
    void bad_parameters_are_refused_in_words_never_a_500() {
        for (String bad : List.of("page=-1", "size=100000", "size=0", "sort=nonsense", "role=NOBODY", "status=maybe", "org=x",
                "page=abc", "q=" + "x".repeat(201))) {
            HttpResponse<String> r = page(bad, 400);
            assertThat(r.body()).as(bad).doesNotContain("Exception");
        }
        assertThat(page("sort=nonsense", 400).body()).contains("USERNAME_DESC");
        assertThat(page("role=NOBODY&lang=en", 400).body()).contains("NOBODY");
        assertThat(page("size=100000", 400).body()).contains("200");
        assertThat(page("q=" + "x".repeat(201), 400).body()).contains("最多 200 个字符");
        // only an administrator sees the users
        for (String user : List.of("pm", "archivist", "client-motor", "regulator")) {
            assertThat(http.send("GET", "/admin/users?q=" + tag, user).statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void saving_a_user_comes_back_to_the_list_it_was_saved_from() {
        long id = directory.findByUsername(names.get(2)).orElseThrow().id();
        String back = "/admin/users?q=" + tag + "&role=VERIFIER&page=0&size=2";
        HttpResponse<String> saved = http.send("POST", "/admin/users/" + id, "admin", FORM, ("displayName=" + enc("N " + tag + " Charlie")
                + "&roles=VERIFIER&enabled=true&language=zh&_form=user-" + id + "&_page=" + enc(back)).getBytes(StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(location(saved)).isEqualTo(back);
        // an address that is not this list is not followed
        for (String elsewhere : List.of("https://example.com/admin/users", "//example.com/admin/users", "/admin/usersx", "/mywork")) {
            HttpResponse<String> r = http.send("POST", "/admin/users/" + id, "admin", FORM, ("displayName=" + enc("N " + tag + " Charlie")
                    + "&roles=VERIFIER&enabled=true&language=zh&_page=" + enc(elsewhere)).getBytes(StandardCharsets.UTF_8));
            assertThat(location(r)).as(elsewhere).isEqualTo("/admin/users");
        }
    }

    private String location(HttpResponse<String> r) {
        String l = r.headers().firstValue("Location").orElseThrow();
        return l.startsWith(http.base()) ? l.substring(http.base().length()) : l;
    }

    private HttpResponse<String> page(String query) {
        return page(query, 200);
    }

    private HttpResponse<String> page(String query, int status) {
        HttpResponse<String> r = http.send("GET", "/admin/users?" + query, "admin");
        assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(status);
        return r;
    }

    private static List<String> rows(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(r.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
