package cn.cfp.personnel;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.access.UserSearch;
import cn.cfp.access.UserView;
import cn.cfp.audit.AuditTrail;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.Qualification;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personnel registry (R-PER-1, R-PER-2, R-PER-4). Staff members without a recorded profile are shown as such and
 * cannot satisfy any team rule (no confidentiality agreement on file). Storage: {@link StaffRepository}.
 */
@Service
public class StaffRegistry {

    /** R-PER-4: the body needs ≥ 10 full-time CFP staff with ≥ 2 years' experience in the field [000 §2.4]. */
    public static final int REQUIRED_FULL_TIME_STAFF = 10;
    public static final int REQUIRED_EXPERIENCE_YEARS = 2;
    public static final String STAFFING_CITE = "000 §2.4";
    static final int MAX_EXPERIENCE_YEARS = 60;
    static final int MAX_REGISTRATION_NO = 60;
    static final int MAX_NOTE = 500;

    private final StaffRepository repository;
    private final UserDirectory users;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    StaffRegistry(StaffRepository repository, UserDirectory users, Organisations organisations, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every staff user with their profile (an empty profile when none is recorded yet). */
    public List<StaffProfile> all() {
        return profilesOf(users.all().stream().filter(u -> u.roles().stream().anyMatch(Role::isStaff)).toList());
    }

    /**
     * A page of the staff (issue 8 item 15): text in the username or name, holding {@code role} (null: any staff role),
     * in the order asked for; with the number of staff the search selects in all.
     */
    public Paging.Page<StaffProfile> search(String text, Role role, UserSearch.Order order, Paging paging) {
        Paging.Page<UserView> people = users.search(UserSearch.staff(text, role, order), paging);
        return new Paging.Page<>(profilesOf(people.items()), people.total());
    }

    /** The profiles of these users, by user id (ids of users that do not exist are left out); a fixed number of queries. */
    public Map<Long, StaffProfile> profiles(Collection<Long> userIds) {
        Map<Long, StaffProfile> out = new HashMap<>();
        profilesOf(users.byIds(Set.copyOf(userIds))).forEach(p -> out.put(p.userId(), p));
        return out;
    }

    /** The profile of a staff user; 404 when the user does not exist. */
    public StaffProfile get(long userId) {
        return profilesOf(List.of(users.get(userId))).get(0);
    }

    public Optional<StaffProfile> find(long userId) {
        try {
            return Optional.of(get(userId));
        } catch (Refusal r) {
            return Optional.empty();
        }
    }

    /** Whether the staff member declared a conflict of interest with any of these client organisations (R-PER-2). */
    public boolean conflicted(long userId, Collection<Long> organisationIds) {
        return repository.conflicted(userId, organisationIds);
    }

    public boolean recorded(long userId) {
        return repository.exists(userId);
    }

    @Transactional
    public StaffProfile save(String actor, long userId, ProfileInput in) {
        UserView user = users.get(userId);
        List<Reason> problems = new ArrayList<>();
        if (user.roles().stream().noneMatch(Role::isStaff)) {
            problems.add(Reason.of("personnel.notStaff", user.username()));
        }
        if (in == null) {
            problems.add(Reason.of("personnel.profile.missing"));
            throw Refusal.badRequest(problems);
        }
        int years = in.experienceYears() == null ? -1 : in.experienceYears();
        if (years < 0 || years > MAX_EXPERIENCE_YEARS) {
            problems.add(Reason.of("personnel.experience.range", MAX_EXPERIENCE_YEARS, in.experienceYears()).at("experienceYears"));
        }
        String reg = in.ccaaRegistrationNo() == null || in.ccaaRegistrationNo().isBlank() ? null : in.ccaaRegistrationNo().strip();
        if (in.qualifications().contains(Qualification.CCAA_REGISTERED) && reg == null) {
            problems.add(Reason.of("personnel.ccaa.numberRequired").at("ccaaRegistrationNo"));
        }
        if (reg != null && reg.length() > MAX_REGISTRATION_NO) {
            problems.add(Reason.of("personnel.ccaa.tooLong", MAX_REGISTRATION_NO).at("ccaaRegistrationNo"));
        }
        LocalDate today = LocalDate.now(clock);
        if (in.confidentialitySignedOn() != null && in.confidentialitySignedOn().isAfter(today)) {
            problems.add(Reason.of("personnel.confidentiality.future", in.confidentialitySignedOn()).at("confidentialitySignedOn"));
        }
        Set<String> seen = new HashSet<>();
        for (FieldCompetence f : in.fields()) {
            problems.addAll(f.evidenceProblems());
            if (!seen.add(f.field())) {
                problems.add(Reason.of("personnel.field.twice", f.field()).at("fields"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        boolean exists = recorded(userId);
        try {
            repository.save(userId, exists, in.fullTime(), years, reg, in.confidentialitySignedOn(), in.qualifications(), in.fields(),
                    actor, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("shared.staleWrite", user.username());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fullTime", in.fullTime());
        details.put("qualifications", in.qualifications().stream().map(Enum::name).sorted().toList());
        details.put("ccaaRegistrationNo", reg);
        details.put("fields", in.fields().stream().map(f -> f.field() + ":" + f.level()).toList());
        details.put("experienceYears", years);
        details.put("confidentialitySignedOn", String.valueOf(in.confidentialitySignedOn()));
        audit.record(actor, exists ? "STAFF_PROFILE_UPDATED" : "STAFF_PROFILE_CREATED", "user:" + user.username(), details);
        return get(userId);
    }

    /**
     * Records a conflict-of-interest declaration (R-PER-2). The person themself, an admin or a competence evaluator may
     * record it. A declared conflict makes the person unassignable to that client's work.
     */
    @Transactional
    public StaffProfile declare(Actor actor, long userId, long clientOrgId, boolean conflicted, String note,
                                LocalDate declaredOn) {
        UserView user = users.get(userId);
        if (actor.id() != userId && !actor.has(Role.ADMIN) && !actor.has(Role.COMPETENCE_EVALUATOR)) {
            throw Refusal.forbidden("personnel.declare.forbidden");
        }
        if (!recorded(userId)) {
            throw Refusal.conflict("personnel.declare.noProfile", user.username());
        }
        List<Reason> problems = new ArrayList<>();
        Optional<Organisation> org = organisations.find(clientOrgId);
        if (org.isEmpty()) {
            problems.add(Reason.of("personnel.declare.noOrganisation", clientOrgId).at("organisationId"));
        } else if (org.get().kind() != Organisation.Kind.CLIENT) {
            problems.add(Reason.of("personnel.declare.notClient", clientOrgId).at("organisationId"));
        }
        LocalDate on = declaredOn != null ? declaredOn : LocalDate.now(clock);
        if (on.isAfter(LocalDate.now(clock))) {
            problems.add(Reason.of("personnel.declare.dateFuture", on).at("declaredOn"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Reason.of("personnel.declare.noteTooLong", MAX_NOTE).at("note"));
        }
        if (conflicted && (note == null || note.isBlank())) {
            problems.add(Reason.of("personnel.declare.noteRequired").at("note"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        try {
            repository.declare(userId, clientOrgId, conflicted, note == null || note.isBlank() ? null : note.strip(), on,
                    actor.username());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("shared.staleWrite", user.username());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientOrgId", clientOrgId);
        details.put("conflicted", conflicted);
        details.put("declaredOn", on.toString());
        audit.record(actor.username(), "STAFF_CONFLICT_DECLARED", "user:" + user.username(), details);
        return get(userId);
    }

    /** R-PER-4 dashboard figure [000 §2.4]. */
    public StaffingFigure staffing() {
        List<String> names = all().stream()
                .filter(p -> p.fullTime() && p.experienceYears() >= REQUIRED_EXPERIENCE_YEARS)
                .map(StaffProfile::name).toList();
        return new StaffingFigure(names.size(), REQUIRED_FULL_TIME_STAFF, REQUIRED_EXPERIENCE_YEARS, names, STAFFING_CITE);
    }

    /** The profiles of these users, in their order (one batch of queries for all of them). */
    private List<StaffProfile> profilesOf(List<UserView> people) {
        Map<Long, StaffRepository.Stored> stored = repository.profiles(people.stream().map(UserView::id).toList());
        List<StaffProfile> out = new ArrayList<>(people.size());
        for (UserView u : people) {
            StaffRepository.Stored s = stored.get(u.id());
            out.add(s == null
                    ? new StaffProfile(u.id(), u.username(), u.displayName(), u.roles(), false, Set.of(), null, List.of(), 0, null, List.of())
                    : new StaffProfile(u.id(), u.username(), u.displayName(), u.roles(), s.fullTime(), s.qualifications(),
                            s.ccaaRegistrationNo(), s.fields(), s.experienceYears(), s.confidentialitySignedOn(), s.conflicts()));
        }
        return out;
    }
}
