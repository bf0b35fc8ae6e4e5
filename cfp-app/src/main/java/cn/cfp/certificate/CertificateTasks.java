package cn.cfp.certificate;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.calendar.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * My work: certificates to prepare (PREPARER), to check (REVIEWER, DECISION_MAKER) and to issue, each with the scheme's
 * issue deadline while not issued (CEC 30 days, CGC 30 working days) — urgent when it is near or past.
 */
@Component
class CertificateTasks implements TaskSource {

    private final Certificates certificates;
    private final Clock clock;

    CertificateTasks(Certificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(Actor me) {
        boolean preparer = me.has(Role.PREPARER);
        boolean checker = me.has(Role.REVIEWER) || me.has(Role.DECISION_MAKER);
        if (!preparer && !checker) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<Task> tasks = new ArrayList<>();
        for (Certificate c : certificates.notIssued()) {
            String key = switch (c.stage()) {
                case DRAFT -> preparer ? "certificate.task.prepare" : null;
                case CONFIRMED -> checker && c.confirmed().map(x -> x.by() != me.id()).orElse(false) ? "certificate.task.check" : null;
                case CHECKED -> "certificate.task.issue";
                case ISSUED -> null;
            };
            if (key == null) {
                continue;
            }
            Optional<WorkingDays> due = certificates.dueOn(c);
            String dueText = due.map(d -> d.date().toString()).orElse("—");
            long left = due.map(d -> ChronoUnit.DAYS.between(today, d.date())).orElse(Long.MAX_VALUE);
            int urgency = left < 0 ? 12 : left <= 5 ? 9 : 5;
            tasks.add(Task.of(key, "/certificates/" + c.applicationId(), c.reference(), dueText).urgent(urgency));
        }
        return tasks;
    }
}
