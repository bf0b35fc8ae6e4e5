package cn.cfp.cases;

import cn.cfp.access.Actor;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.TimeLimit;
import cn.cfp.shared.Localized;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certification case (认证项目) of one accepted application, from acceptance to its end: certified, not certified,
 * or terminated with a reason. One guarded method per transition; an illegal one throws a {@link Refusal} and changes
 * nothing; each appends a {@link CaseEntry} to the history and registers an event (restbucks' {@code Order}).
 *
 * <p>Nothing about where the case stands is stored twice: the current stage, what it waits for, who must act, the team
 * and the 90-day clock are all derived from the route (the scheme's flow less the waived stages) and the history
 * (dddsample's {@code Delivery.derivedFrom}).
 */
public final class CertificationCase {

    /** How a case ended. */
    public enum Outcome implements Localized {
        CERTIFIED("通过认证", "certified"),
        NOT_CERTIFIED("不予认证", "not certified"),
        TERMINATED("认证终止", "terminated");

        private final String zh;
        private final String en;

        Outcome(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        @Override
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    /** The end of a case, when it has one. */
    public record End(Outcome outcome, LocalDate on, String reason, String by) {
    }

    /** The fields a case opens with, given by the acceptance. */
    /**
     * The fields a case opens with, given by the acceptance.
     *
     * @param waived     stages taken out of the route, each with its record (an on-site waiver, a prior verification)
     * @param simplified stages kept but simplified, each with its record (003 ¶38: an adopted prior verification makes
     *                   the verification a consistency check)
     */
    public record Opening(long applicationId, String reference, Parties parties, LocalDate acceptedOn, long managerUserId,
                          Map<Stage, String> waived, Map<Stage, String> simplified) {

        public Opening {
            waived = Map.copyOf(waived);
            simplified = Map.copyOf(simplified);
        }

        public Opening(long applicationId, String reference, Parties parties, LocalDate acceptedOn, long managerUserId,
                       Map<Stage, String> waived) {
            this(applicationId, reference, parties, acceptedOn, managerUserId, waived, Map.of());
        }
    }

    static final int MAX_EXTENSION_DAYS = 365;

    private final Long id;
    private final long applicationId;
    private final String reference;
    private final Scheme scheme;
    private final Parties parties;
    private final LocalDate acceptedOn;
    private final List<CaseEntry> history;
    private final int version;
    private final int persisted;
    private final List<Object> events = new ArrayList<>();
    private Route route;
    /** What the history says, computed once per change (the dashboard derives thousands of clocks). */
    private Derived derived;

    /** The facts derived from the history in one pass. */
    private record Derived(Optional<End> end, Set<Stage> waived, Set<Stage> simplified, Set<Stage> completed, List<CaseClock.Pause> pauses,
                           List<CaseClock.Extension> extensions, long manager, List<TeamMember> team) {
    }

    private Derived derived() {
        if (derived == null) {
            End end = null;
            Set<Stage> waived = EnumSet.noneOf(Stage.class);
            Set<Stage> simplified = EnumSet.noneOf(Stage.class);
            Set<Stage> completed = EnumSet.noneOf(Stage.class);
            List<CaseClock.Pause> pauses = new ArrayList<>();
            List<CaseClock.Extension> extensions = new ArrayList<>();
            long manager = 0;
            List<TeamMember> team = List.of();
            CaseEntry open = null;
            for (CaseEntry e : history) {
                switch (e.kind()) {
                    case STAGE_WAIVED -> add(waived, e.stage());
                    case STAGE_SIMPLIFIED -> add(simplified, e.stage());
                    case STAGE_COMPLETED -> add(completed, e.stage());
                    case CONCLUDED -> {
                        add(completed, e.stage());
                        if (end == null) {
                            end = new End(Outcome.valueOf(e.data().get("outcome")), e.on(), e.note(), e.actor());
                        }
                    }
                    case TERMINATED -> {
                        if (end == null) {
                            end = new End(Outcome.TERMINATED, e.on(), e.note(), e.actor());
                        }
                    }
                    case PAUSED -> open = e;
                    case RESUMED -> {
                        if (open != null) {
                            pauses.add(new CaseClock.Pause(open.on(), e.on(), open.note()));
                            open = null;
                        }
                    }
                    case EXTENDED -> extensions.add(new CaseClock.Extension(Integer.parseInt(e.data().get("days")), e.on(), e.note(), e.actor()));
                    case MANAGER_ASSIGNED -> manager = Long.parseLong(e.data().get("userId"));
                    case TEAM_ASSIGNED -> team = parseTeam(e.data().getOrDefault("team", ""));
                    case OPENED -> { }
                }
            }
            if (open != null) {
                pauses.add(new CaseClock.Pause(open.on(), null, open.note()));
            }
            derived = new Derived(Optional.ofNullable(end), waived, simplified, completed, List.copyOf(pauses), List.copyOf(extensions), manager, team);
        }
        return derived;
    }

    private static void add(Set<Stage> set, Stage stage) {
        if (stage != null) {
            set.add(stage);
        }
    }

    private static List<TeamMember> parseTeam(String t) {
        return t.isBlank() ? List.of() : Arrays.stream(t.split(",")).map(x -> {
            String[] p = x.split(":", 2);
            return new TeamMember(Long.parseLong(p[0]), p[1]);
        }).toList();
    }

    CertificationCase(Long id, long applicationId, String reference, Scheme scheme, Parties parties, LocalDate acceptedOn,
                      List<CaseEntry> history, int version) {
        this.id = id;
        this.applicationId = applicationId;
        this.reference = reference;
        this.scheme = scheme;
        this.parties = parties;
        this.acceptedOn = acceptedOn;
        this.history = new ArrayList<>(history);
        this.version = version;
        this.persisted = history.size();
        this.route = Route.of(scheme.flow().value(), waived());
    }

    /** Opens the case of an accepted application; the clock starts on the acceptance date. */
    static CertificationCase open(Opening o, Scheme scheme, Actor actor, Clock clock) {
        CertificationCase c = new CertificationCase(null, o.applicationId(), o.reference(), scheme, o.parties(), o.acceptedOn(),
                List.of(), 0);
        c.append(CaseEntry.Kind.OPENED, null, o.acceptedOn(), actor, null, Map.of("scheme", scheme.code()), clock);
        o.waived().forEach((stage, why) -> {
            if (!scheme.flow().value().contains(stage)) {
                throw Refusal.conflict("cases.stageNotInFlow", o.reference(), stage, scheme.code());
            }
            c.append(CaseEntry.Kind.STAGE_WAIVED, stage, o.acceptedOn(), actor, why, Map.of(), clock);
        });
        o.simplified().forEach((stage, why) -> {
            if (!scheme.flow().value().contains(stage) || o.waived().containsKey(stage)) {
                throw Refusal.conflict("cases.stageNotInFlow", o.reference(), stage, scheme.code());
            }
            c.append(CaseEntry.Kind.STAGE_SIMPLIFIED, stage, o.acceptedOn(), actor, why, Map.of(), clock);
        });
        c.route = Route.of(scheme.flow().value(), c.waived());
        c.append(CaseEntry.Kind.MANAGER_ASSIGNED, null, o.acceptedOn(), actor, null,
                Map.of("userId", String.valueOf(o.managerUserId())), clock);
        return c;
    }

    // ------------------------------------------------------------------ transitions

    /**
     * Completes a stage that is open now (its phase module has done its work); the route moves on. The decision is not
     * completed this way but by {@link #conclude}.
     */
    public void complete(Stage stage, Actor actor, String note, Clock clock) {
        requireOpen();
        if (stage == Stage.DECISION) {
            throw Refusal.conflict("cases.decisionConcludes", reference);
        }
        requireAt(stage);
        append(CaseEntry.Kind.STAGE_COMPLETED, stage, LocalDate.now(clock), actor, note, Map.of(), clock);
        events.add(new CaseEvents.StageCompleted(idOrZero(), applicationId, stage, currentStages(), LocalDate.now(clock)));
    }

    /** Gives the case to a project manager (R-PER: the case's manager acts for the body on it). */
    public void assignManager(long userId, Actor actor, Clock clock) {
        requireOpen();
        if (managerUserId() == userId) {
            return;
        }
        append(CaseEntry.Kind.MANAGER_ASSIGNED, null, LocalDate.now(clock), actor, null, Map.of("userId", String.valueOf(userId)), clock);
        events.add(new CaseEvents.ManagerAssigned(idOrZero(), applicationId, userId));
    }

    /** Records the team the planning proposed; its members then act on the case in their team roles. */
    public void assignTeam(List<TeamMember> team, Actor actor, Clock clock) {
        requireOpen();
        if (team.equals(team())) {
            return;
        }
        String members = team.stream().map(m -> m.userId() + ":" + m.role()).collect(Collectors.joining(","));
        append(CaseEntry.Kind.TEAM_ASSIGNED, null, LocalDate.now(clock), actor, null, Map.of("team", members), clock);
        events.add(new CaseEvents.TeamAssigned(idOrZero(), applicationId, List.copyOf(team)));
    }

    /** Starts a client-caused pause (late documents, postponed inspection, late corrections, unpaid fees) [000 §7.3.3]. */
    public void pause(LocalDate from, String reason, Actor actor, Clock clock) {
        requireOpen();
        List<Reason> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (reason == null || reason.isBlank()) {
            problems.add(Reason.of("cases.pause.reasonRequired").at("reason"));
        }
        if (from == null || from.isBefore(acceptedOn) || from.isAfter(today)) {
            problems.add(Reason.of("cases.pause.fromInvalid", acceptedOn, from).at("date"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        Optional<CaseClock.Pause> last = pauses().stream().reduce((a, b) -> b);
        if (last.isPresent() && last.get().to() == null) {
            throw Refusal.conflict("cases.pause.already", reference, last.get().from());
        }
        if (last.isPresent() && from.isBefore(last.get().to())) {
            throw Refusal.badRequest(List.of(Reason.of("cases.pause.overlaps", last.get().from(), last.get().to()).at("date")));
        }
        append(CaseEntry.Kind.PAUSED, null, from, actor, reason.strip(), Map.of(), clock);
        events.add(new CaseEvents.ClockPaused(idOrZero(), applicationId, from, reason.strip()));
    }

    public void resume(LocalDate on, Actor actor, Clock clock) {
        requireOpen();
        CaseClock.Pause open = pauses().stream().filter(p -> p.to() == null).findFirst()
                .orElseThrow(() -> Refusal.conflict("cases.resume.notPaused", reference));
        if (on == null || on.isBefore(open.from()) || on.isAfter(LocalDate.now(clock))) {
            throw Refusal.badRequest(List.of(Reason.of("cases.resume.dateInvalid", open.from(), on).at("date")));
        }
        append(CaseEntry.Kind.RESUMED, null, on, actor, null, Map.of(), clock);
        events.add(new CaseEvents.ClockResumed(idOrZero(), applicationId, on));
    }

    /** Records an extension of the time limit agreed with the client for a special reason [000 §7.3.3 "协商解决"]. */
    public void extend(int days, String reason, LocalDate agreedOn, Actor actor, Clock clock) {
        requireOpen();
        List<Reason> problems = new ArrayList<>();
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            problems.add(Reason.of("cases.extension.days", days, MAX_EXTENSION_DAYS).at("days"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Reason.of("cases.extension.reasonRequired").at("reason"));
        }
        if (agreedOn == null || agreedOn.isBefore(acceptedOn) || agreedOn.isAfter(LocalDate.now(clock))) {
            problems.add(Reason.of("cases.extension.dateInvalid", acceptedOn, agreedOn).at("agreedOn"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        append(CaseEntry.Kind.EXTENDED, null, agreedOn, actor, reason.strip(), Map.of("days", String.valueOf(days)), clock);
        events.add(new CaseEvents.ClockExtended(idOrZero(), applicationId, days, reason.strip()));
    }

    /** The certification decision: concludes the case and stops its clock. Only while the case is at its decision. */
    public void conclude(Outcome outcome, String reason, Actor actor, Clock clock) {
        requireOpen();
        if (outcome == null || outcome == Outcome.TERMINATED) {
            throw Refusal.badRequest("cases.conclude.outcome", Arrays.asList(Outcome.CERTIFIED, Outcome.NOT_CERTIFIED));
        }
        requireAt(Stage.DECISION);
        if (outcome == Outcome.NOT_CERTIFIED && (reason == null || reason.isBlank())) {
            throw Refusal.badRequest(List.of(Reason.of("cases.conclude.reasonRequired").at("reason")));
        }
        LocalDate today = LocalDate.now(clock);
        append(CaseEntry.Kind.CONCLUDED, Stage.DECISION, today, actor, reason == null ? null : reason.strip(),
                Map.of("outcome", outcome.name()), clock);
        events.add(new CaseEvents.Concluded(idOrZero(), applicationId, outcome, today));
    }

    /** Ends the case before its decision, with a notice to the client (e.g. persistent document-review failure, R-DOC-1). */
    public void terminate(String reason, Actor actor, Clock clock) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("cases.terminate.reasonRequired").at("reasons")));
        }
        LocalDate today = LocalDate.now(clock);
        append(CaseEntry.Kind.TERMINATED, null, today, actor, reason.strip(), Map.of(), clock);
        events.add(new CaseEvents.Terminated(idOrZero(), applicationId, reason.strip(), today));
    }

    // ------------------------------------------------------------------ guards

    /** Refuses (409, nothing changed) unless {@code stage} is open now. */
    public void requireAt(Stage stage) {
        requireOpen();
        if (!route.contains(stage)) {
            throw Refusal.conflict("cases.stageNotInRoute", reference, stage, route.stages());
        }
        if (!currentStages().contains(stage)) {
            throw Refusal.conflict("cases.notAtStage", reference, stage, currentStages());
        }
    }

    /** Refuses (409) unless the case is still open and has passed {@code stage} (completed or waived). */
    public void requirePassed(Stage stage) {
        requireOpen();
        if (!passed(stage)) {
            throw Refusal.conflict("cases.stageNotPassed", reference, stage, currentStages());
        }
    }

    public void requireOpen() {
        end().ifPresent(e -> {
            throw Refusal.conflict("cases.closed", reference, e.outcome(), e.on());
        });
    }

    // ------------------------------------------------------------------ derived state

    public Long id() {
        return id;
    }

    public long applicationId() {
        return applicationId;
    }

    public String reference() {
        return reference;
    }

    public String schemeCode() {
        return scheme.code();
    }

    public Parties parties() {
        return parties;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public int version() {
        return version;
    }

    public Route route() {
        return route;
    }

    public List<CaseEntry> history() {
        return List.copyOf(history);
    }

    public Optional<End> end() {
        return derived().end();
    }

    public boolean isOpen() {
        return end().isEmpty();
    }

    public Set<Stage> waived() {
        return Set.copyOf(derived().waived());
    }

    /** Stages kept in the route but simplified (003 ¶38): the verification of an adopted prior verification. */
    public Set<Stage> simplified() {
        return Set.copyOf(derived().simplified());
    }

    public Set<Stage> completed() {
        return Set.copyOf(derived().completed());
    }

    /**
     * The day {@code stage} was completed, if it was (a document review completes on its conforming or basically
     * conforming round — the start of CGC's 30 working days to the on-site inspection [003 ¶50]).
     */
    public Optional<LocalDate> completedOn(Stage stage) {
        return history.stream().filter(e -> e.stage() == stage
                        && (e.kind() == CaseEntry.Kind.STAGE_COMPLETED || e.kind() == CaseEntry.Kind.CONCLUDED))
                .map(CaseEntry::on).findFirst();
    }

    /** Completed or waived: the route is past it. */
    public boolean passed(Stage stage) {
        return completed().contains(stage) || waived().contains(stage);
    }

    /** The stages open now (empty once the case has ended). */
    public List<Stage> currentStages() {
        return isOpen() ? route.current(completed()) : List.of();
    }

    public boolean paused() {
        return pauses().stream().anyMatch(p -> p.to() == null) && isOpen();
    }

    /** Who must act now: nobody once ended; the client while paused; otherwise the owners of the open stages. */
    public List<Stage.Responsible> waitingFor() {
        if (!isOpen()) {
            return List.of();
        }
        if (paused()) {
            return List.of(Stage.Responsible.CLIENT);
        }
        return currentStages().stream().map(Stage::responsible).distinct().toList();
    }

    public long managerUserId() {
        return derived().manager();
    }

    public List<TeamMember> team() {
        return derived().team();
    }

    public boolean isManager(long userId) {
        return managerUserId() == userId;
    }

    public boolean isTeamMember(long userId) {
        return team().stream().anyMatch(m -> m.userId() == userId);
    }

    public List<CaseClock.Pause> pauses() {
        return derived().pauses();
    }

    public List<CaseClock.Extension> extensions() {
        return derived().extensions();
    }

    /**
     * The clock as of a date (R-PLAN-5): it counts from acceptance to {@code asOf} or to the end of the case, whichever
     * is first, less client-caused pauses (when the scheme excludes them), against the scheme's limit plus agreed
     * extensions.
     */
    public CaseClock clock(LocalDate asOf) {
        Cited<TimeLimit> limit = scheme.timeLimit();
        TimeLimit t = limit.value();
        int base = t == null ? 90 : t.days();
        boolean excludeClient = t == null || !Boolean.FALSE.equals(t.clientDelaysExcluded());
        LocalDate stoppedOn = end().map(End::on).orElse(null);
        LocalDate until = stoppedOn != null && stoppedOn.isBefore(asOf) ? stoppedOn : asOf;
        List<CaseClock.Pause> pauses = pauses();
        int calendarDays = (int) Math.max(0, ChronoUnit.DAYS.between(acceptedOn, until));
        int paused = 0;
        if (excludeClient) {
            for (CaseClock.Pause p : pauses) {
                LocalDate from = p.from().isBefore(acceptedOn) ? acceptedOn : p.from();
                LocalDate to = p.to() == null || p.to().isAfter(until) ? until : p.to();
                if (to.isAfter(from)) {
                    paused += (int) ChronoUnit.DAYS.between(from, to);
                }
            }
        }
        List<CaseClock.Extension> extensions = extensions();
        int extended = extensions.stream().mapToInt(CaseClock.Extension::days).sum();
        int limitDays = base + extended;
        int net = calendarDays - paused;
        int remaining = limitDays - net;
        CaseClock.Level level = net > limitDays ? CaseClock.Level.OVERRUN
                : net >= 0.90 * limitDays ? CaseClock.Level.CRITICAL
                : net >= 0.75 * limitDays ? CaseClock.Level.WARN : CaseClock.Level.OK;
        return new CaseClock(applicationId, acceptedOn, asOf, limitDays, base, extended, calendarDays, paused, net, remaining,
                level, pauses, extensions, stoppedOn, limit.cite() == null ? "000 §7.3.3" : limit.cite());
    }

    // ------------------------------------------------------------------ persistence support

    /** Entries appended since the case was loaded (the repository inserts them). */
    List<CaseEntry> newEntries() {
        return List.copyOf(history.subList(persisted, history.size()));
    }

    /** Events registered since the case was loaded; handed to the publisher by the repository, then cleared. */
    List<Object> drainEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /** The CaseOpened event needs the id the insert gave; the repository adds it. */
    CaseEvents.CaseOpened openedEvent(long newId) {
        return new CaseEvents.CaseOpened(newId, applicationId, reference, scheme.code(), acceptedOn, route.stages());
    }

    private long idOrZero() {
        return id == null ? 0 : id;
    }


    private void append(CaseEntry.Kind kind, Stage stage, LocalDate on, Actor actor, String note, Map<String, String> data,
                        Clock clock) {
        history.add(new CaseEntry(history.size() + 1, kind, stage, on, Instant.now(clock), actor.username(), note,
                new LinkedHashMap<>(data)));
        derived = null;
    }

}
