package cn.cfp.application;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.audit.AuditTrail;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.TimeLimit;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time limit from acceptance to the certification conclusion (R-PLAN-5; 90 days [000 §7.3.3]),
 * derived from the acceptance date and the recorded client-caused pauses — never stored.
 */
@Service
public class NinetyDayClock {

    /** Share of the limit used at which the clock warns / is critical. */
    static final double WARN = 0.75;
    static final double CRITICAL = 0.90;

    private final Applications applications;
    private final SchemeCatalog schemes;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    NinetyDayClock(Applications applications, SchemeCatalog schemes, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public ClockView of(long applicationId) {
        return of(applications.get(applicationId), LocalDate.now(clock));
    }

    ClockView of(ApplicationView app, LocalDate asOf) {
        if (app.acceptedOn() == null) {
            throw new Refusal(409, "Application " + app.reference() + " is not accepted yet: the clock has not started / 申请尚未受理，时限未开始计算");
        }
        var limit = schemes.get(app.schemeCode()).timeLimit();
        TimeLimit t = limit.value();
        int limitDays = t == null ? 90 : t.days();
        boolean excludeClient = t == null || !Boolean.FALSE.equals(t.clientDelaysExcluded());
        List<ClockView.Pause> pauses = pauses(app.id());
        int calendarDays = (int) ChronoUnit.DAYS.between(app.acceptedOn(), asOf);
        int paused = 0;
        if (excludeClient) {
            for (ClockView.Pause p : pauses) {
                LocalDate from = p.from().isBefore(app.acceptedOn()) ? app.acceptedOn() : p.from();
                LocalDate to = p.to() == null || p.to().isAfter(asOf) ? asOf : p.to();
                if (to.isAfter(from)) {
                    paused += (int) ChronoUnit.DAYS.between(from, to);
                }
            }
        }
        int net = calendarDays - paused;
        int remaining = limitDays - net;
        ClockView.Level level = net > limitDays ? ClockView.Level.OVERRUN
                : net >= CRITICAL * limitDays ? ClockView.Level.CRITICAL
                : net >= WARN * limitDays ? ClockView.Level.WARN : ClockView.Level.OK;
        return new ClockView(app.id(), app.acceptedOn(), asOf, limitDays, calendarDays, paused, net, remaining, level, pauses,
                limit.cite());
    }

    /** Open cases sorted by risk of overrun: least time remaining first (the staff dashboard). */
    public List<Map.Entry<ApplicationView, ClockView>> dashboard() {
        LocalDate today = LocalDate.now(clock);
        List<Map.Entry<ApplicationView, ClockView>> rows = new ArrayList<>();
        for (ApplicationView app : applications.open()) {
            rows.add(Map.entry(app, of(app, today)));
        }
        rows.sort(Comparator.comparingInt(e -> e.getValue().remaining()));
        return rows;
    }

    /** Starts a client-caused pause (late documents, postponed inspection, late corrections, unpaid fees). */
    @Transactional
    public void pause(CfpPrincipal staff, long applicationId, LocalDate from, String reason) {
        Applications.requireReviewer(staff);
        ApplicationView app = applications.get(applicationId);
        Applications.requireStatus(app, ApplicationStatus.ACCEPTED);
        if (from == null || reason == null || reason.isBlank()) {
            throw new Refusal("Give the start date and the client-caused reason of the pause / 请填写暂停开始日期和委托方原因");
        }
        if (from.isBefore(app.acceptedOn()) || from.isAfter(LocalDate.now(clock))) {
            throw new Refusal("A pause starts between acceptance (" + app.acceptedOn() + ") and today, got " + from + " / 暂停开始日期无效");
        }
        if (pauses(applicationId).stream().anyMatch(p -> p.to() == null)) {
            throw new Refusal(409, "The clock of " + app.reference() + " is already paused; resume it first / 时限已处于暂停状态");
        }
        jdbc.sql("INSERT INTO clock_pause (application_id, from_date, reason, recorded_by) VALUES (:a, :f, :r, :by)")
                .param("a", applicationId).param("f", from).param("r", reason.strip()).param("by", staff.username()).update();
        applications.event(applicationId, staff.username(), "CLOCK_PAUSED", reason.strip(), null);
        audit.record(staff.username(), "CLOCK_PAUSED", Applications.target(app.reference()), Map.of("from", from.toString(), "reason", reason.strip()));
    }

    @Transactional
    public void resume(CfpPrincipal staff, long applicationId, LocalDate on) {
        Applications.requireReviewer(staff);
        ApplicationView app = applications.get(applicationId);
        ClockView.Pause open = pauses(applicationId).stream().filter(p -> p.to() == null).findFirst()
                .orElseThrow(() -> new Refusal(409, "The clock of " + app.reference() + " is not paused / 时限未暂停"));
        if (on == null || on.isBefore(open.from()) || on.isAfter(LocalDate.now(clock))) {
            throw new Refusal("The clock resumes between the pause start (" + open.from() + ") and today, got " + on + " / 恢复日期无效");
        }
        jdbc.sql("UPDATE clock_pause SET to_date = :t WHERE application_id = :a AND to_date IS NULL")
                .param("t", on).param("a", applicationId).update();
        applications.event(applicationId, staff.username(), "CLOCK_RESUMED", null, null);
        audit.record(staff.username(), "CLOCK_RESUMED", Applications.target(app.reference()), Map.of("on", on.toString()));
    }

    List<ClockView.Pause> pauses(long applicationId) {
        return jdbc.sql("SELECT from_date, to_date, reason FROM clock_pause WHERE application_id = :a ORDER BY from_date")
                .param("a", applicationId)
                .query((rs, n) -> new ClockView.Pause(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list();
    }
}
