package cn.cfp.access;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.security.SecureRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and their organisation. Every change lands in the audit trail. Storage: {@link UserRepository}. */
@Service
public class UserDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    /** An address a mail server accepts: one @, a dotted domain, no spaces (the server has the last word). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final int MAX_EMAIL = 254;
    /** The languages a person may be written to in. */
    public static final List<String> LANGUAGES = List.of("zh", "en");
    static final int MAX_DISPLAY_NAME = 100;
    private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<AccountGuard> guard;
    private final SecureRandom random = new SecureRandom();

    UserDirectory(UserRepository repository, PasswordEncoder encoder, PasswordPolicy passwords, AuditTrail audit, Clock clock,
                  ObjectProvider<AccountGuard> guard) {
        this.repository = repository;
        this.encoder = encoder;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
    }

    @Transactional
    public long create(String actor, String username, String displayName, String password,
                       Set<Role> roles, Long organisationId) {
        List<Reason> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(Reason.of("access.username.invalid", username).at("username"));
        } else if (findByUsername(username).isPresent()) {
            problems.add(Reason.of("access.username.taken", username).at("username"));
        }
        problems.addAll(displayNameProblems(displayName));
        problems.addAll(passwords.problems(password, "password"));
        if (roles == null || roles.isEmpty()) {
            problems.add(Reason.of("access.roles.required").at("roles"));
        } else {
            problems.addAll(roleProblems(roles, organisationId));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        long id = repository.insert(username, displayName.strip(), encoder.encode(password), organisationId, roles, now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("roles", roles.stream().sorted().toList());
        details.put("organisationId", organisationId);
        audit.record(actor, "USER_CREATED", "user:" + username, details);
        return id;
    }

    @Transactional
    public void update(String actor, long id, String displayName, Set<Role> roles, Long organisationId, boolean enabled) {
        UserView before = get(id);
        List<Reason> problems = new ArrayList<>();
        problems.addAll(displayNameProblems(displayName));
        if (roles == null || roles.isEmpty()) {
            problems.add(Reason.of("access.roles.required").at("roles"));
        } else {
            problems.addAll(roleProblems(roles, organisationId));
        }
        boolean keepsAdmin = enabled && roles != null && roles.contains(Role.ADMIN);
        if (before.username().equals(actor) && !keepsAdmin && before.roles().contains(Role.ADMIN)) {
            problems.add(Reason.of("access.ownAdmin").at(enabled ? "roles" : "enabled"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        repository.update(id, displayName.strip(), organisationId, enabled, roles);
        boolean accessChanged = before.enabled() != enabled || !before.roles().equals(roles)
                || !java.util.Objects.equals(before.organisationId(), organisationId);
        if (accessChanged) {
            // a disabled person, or one whose roles or company changed, is signed out at once (issue 8 item 1)
            endSessionsAfterCommit(id, null);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rolesBefore", before.roles().stream().sorted().toList());
        details.put("rolesAfter", roles.stream().sorted().toList());
        details.put("organisationId", organisationId);
        details.put("enabled", enabled);
        audit.record(actor, "USER_UPDATED", "user:" + before.username(), details);
    }

    /**
     * Where and in which language the person is told things (issue 8 item 16): an e-mail address (blank: none, they
     * are told in the application only) and {@code zh} or {@code en}. Changed by the person or an administrator.
     */
    @Transactional
    public void setContact(String actor, long id, String email, String language) {
        UserView before = get(id);
        String mail = email == null || email.isBlank() ? null : email.strip();
        List<Reason> problems = contactProblems(mail, language);
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        String lang = language.strip();
        if (java.util.Objects.equals(mail, before.email()) && lang.equals(before.language())) {
            return;
        }
        repository.updateContact(id, mail, lang);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", mail == null ? "" : mail);
        details.put("language", lang);
        audit.record(actor, "USER_CONTACT_CHANGED", "user:" + before.username(), details);
    }

    /** Name, roles, organisation and enabled flag, and where and in which language the person is told things: all or nothing. */
    @Transactional
    public void update(String actor, long id, String displayName, Set<Role> roles, Long organisationId, boolean enabled,
                       String email, String language) {
        String mail = email == null || email.isBlank() ? null : email.strip();
        List<Reason> problems = contactProblems(mail, language);
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        update(actor, id, displayName, roles, organisationId, enabled);
        setContact(actor, id, mail, language);
    }

    private static List<Reason> contactProblems(String email, String language) {
        List<Reason> problems = new ArrayList<>();
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            problems.add(Reason.of("access.email.invalid", cn.cfp.shared.FormValues.quote(email), MAX_EMAIL).at("email"));
        }
        if (language == null || !LANGUAGES.contains(language.strip())) {
            problems.add(Reason.of("access.language.invalid", cn.cfp.shared.FormValues.quote(language), LANGUAGES).at("language"));
        }
        return problems;
    }

    @Transactional
    public void unlock(String actor, long id) {
        UserView user = get(id);
        guard.ifAvailable(g -> g.clearThrottle(user.username()));
        audit.record(actor, "USER_UNLOCKED", "user:" + user.username(), Map.of());
    }

    /**
     * A person changes their own password (issue 8 item 8): the current one must be given, the new one must satisfy the
     * {@link PasswordPolicy}, differ from the current one and be typed twice alike. Their other sessions end.
     */
    @Transactional
    public void changeOwnPassword(long userId, String current, String password, String repeat, String keepSessionId) {
        UserView user = get(userId);
        String hash = repository.passwordHash(userId).orElseThrow();
        List<Reason> problems = new ArrayList<>();
        if (current == null || !encoder.matches(current, hash)) {
            problems.add(Reason.of("access.password.currentWrong").at("current"));
        }
        problems.addAll(passwords.problems(password, "password"));
        if (problems.isEmpty() && encoder.matches(password, hash)) {
            problems.add(Reason.of("access.password.unchanged").at("password"));
        }
        if (password != null && !password.equals(repeat)) {
            problems.add(Reason.of("access.password.repeatDiffers").at("repeat"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        repository.setPassword(userId, encoder.encode(password), false);
        endSessionsAfterCommit(userId, keepSessionId);
        audit.record(user.username(), "PASSWORD_CHANGED", "user:" + user.username(), Map.of());
    }

    /**
     * An administrator resets a person's password: a temporary one is generated and returned (shown once to the
     * administrator), the person must change it at the next login, and their sessions end.
     */
    @Transactional
    public String resetPassword(String actor, long id) {
        UserView user = get(id);
        String temporary = temporaryPassword();
        repository.setPassword(id, encoder.encode(temporary), true);
        endSessionsAfterCommit(id, null);
        audit.record(actor, "PASSWORD_RESET", "user:" + user.username(), Map.of("mustChange", true));
        return temporary;
    }

    /**
     * The first start of an empty platform outside demo mode: an administrator {@code admin} with a generated password,
     * to be changed at the first login. Nothing happens when any user exists. Returns the password, if one was made.
     */
    @Transactional
    public Optional<String> createFirstAdministrator() {
        if (repository.count() > 0) {
            return Optional.empty();
        }
        String password = temporaryPassword();
        long id = create("system", "admin", "系统管理员 Administrator", password, Set.of(Role.ADMIN), null);
        repository.setPassword(id, encoder.encode(password), true);
        return Optional.of(password);
    }

    private String temporaryPassword() {
        StringBuilder temporary = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            temporary.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return temporary.toString();
    }

    private void endSessionsAfterCommit(long userId, String keepSessionId) {
        Runnable end = () -> guard.ifAvailable(g -> g.endSessions(userId, keepSessionId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }

    public List<UserView> all() {
        return repository.all();
    }

    /** A page of the users the search selects (the admin list, issue 8 item 15), with the number it selects in all. */
    public Paging.Page<UserView> search(UserSearch search, Paging paging) {
        return repository.search(search, paging);
    }

    public UserView get(long id) {
        return repository.find(id).orElseThrow(() -> Refusal.notFound("access.user.notFound", id));
    }

    /** These users (ignoring ids that do not exist), in a fixed number of queries. */
    public List<UserView> byIds(java.util.Collection<Long> ids) {
        return repository.byIds(ids);
    }

    public Optional<UserView> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    /** The enabled users of an organisation (a client company's people). */
    public List<UserView> ofOrganisation(long organisationId) {
        return repository.ofOrganisation(organisationId);
    }

    /** People holding a role (for "who can do this" lists and dashboards). */
    public List<UserView> withRole(Role role) {
        return repository.withRole(role);
    }

    private static List<Reason> displayNameProblems(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return List.of(Reason.of("access.displayName.required").at("displayName"));
        }
        if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            return List.of(Reason.of("access.displayName.tooLong", MAX_DISPLAY_NAME).at("displayName"));
        }
        return List.of();
    }

    private static List<Reason> roleProblems(Set<Role> roles, Long organisationId) {
        List<Reason> problems = new ArrayList<>();
        if (roles.contains(Role.CLIENT) && roles.size() > 1) {
            problems.add(Reason.of("access.roles.clientAndStaff").at("roles"));
        }
        if (roles.contains(Role.CLIENT) && organisationId == null) {
            problems.add(Reason.of("access.roles.clientWithoutOrganisation").at("organisationId"));
        }
        return problems;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Instant instantNow() {
        return clock.instant();
    }
}
