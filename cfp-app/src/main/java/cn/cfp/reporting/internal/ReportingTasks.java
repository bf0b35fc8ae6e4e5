package cn.cfp.reporting.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.ReportItem;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "My work" of the people who report to CNCA (project managers, the scheme manager): the items unreported for more
 * than {@code cfp.reporting.reminder-working-days} working days. No seed sets a deadline [decision D5]: the number is
 * the body's choice, in its configuration.
 */
@Component
class ReportingTasks implements TaskSource {

    static final Set<Role> REPORTERS = Set.of(Role.PROJECT_MANAGER, Role.SCHEME_MANAGER);

    private final CncaReporting reporting;
    private final int reminderWorkingDays;

    ReportingTasks(CncaReporting reporting, @Value("${cfp.reporting.reminder-working-days:5}") int reminderWorkingDays) {
        this.reporting = reporting;
        this.reminderWorkingDays = reminderWorkingDays;
    }

    @Override
    public List<Task> tasksFor(Actor me) {
        if (!me.hasAny(REPORTERS)) {
            return List.of();
        }
        List<ReportItem> overdue = reporting.overdue(reminderWorkingDays);
        if (overdue.isEmpty()) {
            return List.of();
        }
        long oldest = overdue.get(0).ageDays(reporting.today());
        return List.of(Task.of("reporting.task.overdue", "/reporting", overdue.size(), reminderWorkingDays, oldest).urgent(4));
    }
}
