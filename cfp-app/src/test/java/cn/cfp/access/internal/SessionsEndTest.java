package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8 item 1: disabling a person, changing their roles or organisation, or resetting their password ends their
 * open sessions at once (a disabled inspector's open session must not record anything more). Item 8: a reset password
 * must be changed at the next login before anything else; changing one's own password ends one's other sessions.
 */
@CfpIntegrationTest
class SessionsEndTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    @Test
    void disabling_a_person_ends_their_open_session_at_once() throws Exception {
        long id = users.create("admin", "disableme", "Disable Me", "correct-horse-5", Set.of(Role.INSPECTOR), null);
        FormLogin browser = new FormLogin(port);
        assertThat(browser.login("disableme", "correct-horse-5")).endsWith("/mywork");
        assertThat(browser.landing("/mywork")).isEqualTo("/mywork");

        users.update("admin", id, "Disable Me", Set.of(Role.INSPECTOR), null, false);

        assertThat(browser.landing("/mywork")).isEqualTo("302 /login?ended");
        assertThat(browser.get("/login?ended").body()).contains("会话已结束");
        assertThat(browser.landing("/mywork")).as("and stays signed out").startsWith("302").endsWith("/login");
    }

    @Test
    void a_role_change_ends_the_session_and_the_next_login_has_the_new_roles_only() throws Exception {
        long id = users.create("admin", "rolechange", "Role Change", "correct-horse-6", Set.of(Role.ADMIN), null);
        FormLogin browser = new FormLogin(port);
        browser.login("rolechange", "correct-horse-6");
        assertThat(browser.landing("/admin/users")).isEqualTo("/admin/users");
        users.update("admin", id, "Role Change", Set.of(Role.INSPECTOR), null, true);
        assertThat(browser.landing("/admin/users")).isEqualTo("302 /login?ended");
        browser.login("rolechange", "correct-horse-6");
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void a_new_display_name_alone_keeps_the_session() throws Exception {
        long id = users.create("admin", "renameme", "Rename Me", "correct-horse-7", Set.of(Role.INSPECTOR), null);
        FormLogin browser = new FormLogin(port);
        browser.login("renameme", "correct-horse-7");
        users.update("admin", id, "Renamed", Set.of(Role.INSPECTOR), null, true);
        assertThat(browser.landing("/mywork")).isEqualTo("/mywork");
    }

    @Test
    void a_reset_password_ends_the_session_and_must_be_changed_before_anything_else() throws Exception {
        long id = users.create("admin", "resetme", "Reset Me", "correct-horse-8", Set.of(Role.INSPECTOR), null);
        FormLogin browser = new FormLogin(port);
        browser.login("resetme", "correct-horse-8");
        String temporary = users.resetPassword("admin", id);
        assertThat(browser.landing("/mywork")).isEqualTo("302 /login?ended");
        assertThat(browser.login("resetme", "correct-horse-8")).as("the old password is gone").endsWith("/login?error");

        assertThat(browser.login("resetme", temporary)).endsWith("/account/password");
        assertThat(browser.landing("/mywork")).as("every page leads to the password page").isEqualTo("302 /account/password");
        assertThat(browser.get("/account/password").body()).contains("管理员已重置您的密码");

        var same = browser.post("/account/password", "/account/password",
                "current=" + FormLogin.enc(temporary) + "&password=" + FormLogin.enc(temporary) + "&repeat=" + FormLogin.enc(temporary));
        assertThat(same.statusCode()).as("refused: the same password, back to the form").isEqualTo(303);
        assertThat(browser.get(same.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "")).body())
                .contains("新密码不能与当前密码相同");
        assertThat(users.get(id).mustChangePassword()).isTrue();

        var changed = browser.post("/account/password", "/account/password",
                "current=" + FormLogin.enc(temporary) + "&password=new-horse-9999&repeat=new-horse-9999");
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account/password?changed");
        assertThat(users.get(id).mustChangePassword()).isFalse();
        assertThat(browser.landing("/mywork")).isEqualTo("/mywork");
        assertThat(new FormLogin(port).login("resetme", "new-horse-9999")).endsWith("/mywork");
    }

    @Test
    void changing_ones_own_password_ends_ones_other_sessions_but_not_this_one() throws Exception {
        users.create("admin", "twodevices", "Two Devices", "correct-horse-10", Set.of(Role.VERIFIER), null);
        FormLogin phone = new FormLogin(port);
        FormLogin desk = new FormLogin(port);
        phone.login("twodevices", "correct-horse-10");
        desk.login("twodevices", "correct-horse-10");
        var r = desk.post("/account/password", "/account/password", "current=correct-horse-10&password=new-horse-10a&repeat=new-horse-10a");
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/account/password?changed");
        assertThat(desk.landing("/mywork")).isEqualTo("/mywork");
        assertThat(phone.landing("/mywork")).isEqualTo("302 /login?ended");
    }
}
