package cn.cfp.calendar.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.calendar.WorkingDayCalendar;
import java.util.List;
import org.springframework.stereotype.Component;

/** Administrators are asked to enter next year's official holiday arrangement before working days depend on it. */
@Component
class CalendarTasks implements TaskSource {

    private final WorkingDayCalendar calendar;

    CalendarTasks(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<Task> tasksFor(Actor me) {
        if (!me.has(Role.ADMIN)) {
            return List.of();
        }
        return calendar.missingYears(1).stream().map(y -> Task.of("mywork.task.calendar", "/calendar?year=" + y, y).urgent(5)).toList();
    }
}
