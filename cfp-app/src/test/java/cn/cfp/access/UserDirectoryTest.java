package cn.cfp.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Users and API tokens refuse bad input with every reason, each at its form field, and change nothing then. */
@CfpIntegrationTest
class UserDirectoryTest {

    @Autowired
    UserDirectory users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserDetailsService details;

    @Test
    void a_new_user_is_refused_with_every_problem_at_its_field() {
        assertThatThrownBy(() -> users.create("admin", "Bad Name", " ", "short", EnumSet.of(Role.CLIENT, Role.INSPECTOR), null))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.reasons()).extracting(x -> x.code() + "@" + x.field()).containsExactly(
                            "access.username.invalid@username", "access.displayName.required@displayName",
                            "access.password.tooShort@password", "access.roles.clientAndStaff@roles",
                            "access.roles.clientWithoutOrganisation@organisationId");
                    assertThat(Messages.english(r).get(0)).isEqualTo(
                            "Username 'Bad Name' is invalid: use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
                    assertThat(Messages.english(r).get(2)).isEqualTo("The password must have at least 10 characters");
                });
        assertThat(users.findByUsername("Bad Name")).isEmpty();
        assertThatThrownBy(() -> users.create("admin", "admin", "Again", "long-enough-1", Set.of(), null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.codes(r))
                        .containsExactly("access.username.taken", "access.roles.required"));
        assertThatThrownBy(() -> users.create("admin", "long-name", "x".repeat(101), "long-enough-1", Set.of(Role.INSPECTOR), null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reasons()).extracting(x -> x.code() + "@" + x.field())
                        .containsExactly("access.displayName.tooLong@displayName"));
    }

    @Test
    void a_person_sets_where_and_in_which_language_they_are_told_things_and_a_bad_address_is_refused_issue_8_item_16() {
        long id = users.create("admin", "contact-test", "Contact Test", "long-enough-1", Set.of(Role.INSPECTOR), null);
        assertThat(users.get(id).email()).isNull();
        assertThat(users.get(id).language()).isEqualTo("zh");   // Chinese unless the person chooses English
        users.setContact("contact-test", id, "  contact.test@example.com ", "en");
        assertThat(users.get(id).email()).isEqualTo("contact.test@example.com");
        assertThat(users.get(id).locale()).isEqualTo(java.util.Locale.ENGLISH);

        assertThatThrownBy(() -> users.setContact("contact-test", id, "not an address", "fr"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.reasons()).extracting(x -> x.code() + "@" + x.field())
                            .containsExactly("access.email.invalid@email", "access.language.invalid@language");
                    assertThat(Messages.english(r).get(0)).isEqualTo("The e-mail address 'not an address' is not valid: write it like "
                            + "name@example.com, at most 254 characters; leave it empty for no e-mails");
                    assertThat(Messages.chinese(r).get(1)).isEqualTo("语言“fr”不可选；可选：zh、en");
                });
        assertThat(users.get(id).email()).isEqualTo("contact.test@example.com");   // nothing changed
        // an administrator's save refuses a bad address without changing the rest either
        assertThatThrownBy(() -> users.update("admin", id, "Renamed", Set.of(Role.INSPECTOR), null, true, "a@b", "zh"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.codes(r)).containsExactly("access.email.invalid"));
        assertThat(users.get(id).displayName()).isEqualTo("Contact Test");
        // empty: no e-mails
        users.update("admin", id, "Renamed", Set.of(Role.INSPECTOR), null, true, " ", "zh");
        assertThat(users.get(id).email()).isNull();
        assertThat(users.get(id).displayName()).isEqualTo("Renamed");
    }

    @Test
    void an_administrator_cannot_remove_their_own_administrator_access() {
        long id = users.create("admin", "self-admin", "Self Admin", "long-enough-2", EnumSet.of(Role.ADMIN), null);
        assertThatThrownBy(() -> users.update("self-admin", id, "Self Admin", EnumSet.of(Role.INSPECTOR), null, true))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reasons()).extracting(Reason::field).containsExactly("roles");
                    assertThat(Messages.codes(r)).containsExactly("access.ownAdmin");
                });
        assertThatThrownBy(() -> users.update("self-admin", id, "Self Admin", EnumSet.of(Role.ADMIN), null, false))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reasons()).extracting(Reason::field).containsExactly("enabled"));
        assertThat(users.get(id).roles()).containsExactly(Role.ADMIN);
        assertThat(users.get(id).enabled()).isTrue();
    }

    @Test
    void a_missing_user_is_a_404_naming_the_id() {
        assertThatThrownBy(() -> users.get(987654321L)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(Messages.english(r)).containsExactly("User 987654321 does not exist");
        });
    }

    @Test
    void lists_carry_every_users_roles() {
        assertThat(users.all()).filteredOn(u -> u.username().equals("pm")).singleElement()
                .satisfies(u -> assertThat(u.roles()).contains(Role.PROJECT_MANAGER));
        assertThat(users.withRole(Role.DECISION_MAKER)).allMatch(u -> u.roles().contains(Role.DECISION_MAKER)).isNotEmpty();
    }

    @Test
    void a_token_needs_a_purpose_and_a_validity_of_1_to_365_days_and_only_an_active_own_token_can_be_revoked() {
        CfpPrincipal me = (CfpPrincipal) details.loadUserByUsername("inspector");
        int before = tokens.of(me).size();
        // issue 8 item 3: the expiry is chosen at creation, 1-365 days; every problem at its field
        assertThatThrownBy(() -> tokens.create(me, " ", TokenScope.READ, 366)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reasons()).extracting(x -> x.code() + "@" + x.field())
                    .containsExactly("access.token.labelInvalid@label", "access.token.daysInvalid@days");
            assertThat(Messages.english(r)).containsExactly("Give the token a purpose of 1-100 characters",
                    "Validity '366' is invalid: give a number of days from 1 to 365");
        });
        assertThatThrownBy(() -> tokens.create(me, "zero days", TokenScope.READ, 0)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("access.token.daysInvalid"));
        assertThatThrownBy(() -> tokens.create(me, "no scope", null, 90)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reasons()).extracting(x -> x.code() + "@" + x.field()).containsExactly("access.token.scopeRequired@scope"));
        assertThat(tokens.of(me)).hasSize(before);

        String token = tokens.create(me, "revoke me", TokenScope.WORKFLOW, 90);
        ApiTokens.TokenView view = tokens.of(me).stream().filter(t -> t.label().equals("revoke me")).reduce((a, b) -> b).orElseThrow();
        long tokenId = view.id();
        assertThat(view.scope()).isEqualTo(TokenScope.WORKFLOW);
        assertThat(java.time.Duration.between(view.createdAt(), view.expiresAt())).isEqualTo(java.time.Duration.ofDays(90));
        assertThat(tokens.check(token)).isInstanceOfSatisfying(ApiTokens.Check.Valid.class, v -> {
            assertThat(v.owner().id()).isEqualTo(me.id());
            assertThat(v.owner().roles()).isEqualTo(me.roles());
            assertThat(v.scope()).isEqualTo(TokenScope.WORKFLOW);
        });
        CfpPrincipal other = (CfpPrincipal) details.loadUserByUsername("verifier");
        assertThatThrownBy(() -> tokens.revoke(other, tokenId)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(Messages.english(r)).containsExactly("Active token " + tokenId + " of verifier does not exist");
        });
        tokens.revoke(me, tokenId);
        assertThat(tokens.check(token)).isInstanceOfSatisfying(ApiTokens.Check.Invalid.class,
                i -> assertThat(i.reason().code()).isEqualTo("access.token.revoked"));
        assertThatThrownBy(() -> tokens.revoke(me, tokenId)).isInstanceOf(Refusal.class);
    }
}
