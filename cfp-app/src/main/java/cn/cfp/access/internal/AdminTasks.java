package cn.cfp.access.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** My-work tasks of the access module: user administration, the audit trail, evidence, tokens. */
@Component
class AdminTasks implements TaskSource {

    @Override
    public List<Task> tasksFor(Actor me) {
        List<Task> tasks = new ArrayList<>();
        if (me.has(Role.ADMIN)) {
            tasks.add(Task.of("mywork.task.users", "/admin/users"));
        }
        if (me.has(Role.ADMIN) || me.has(Role.ARCHIVIST)) {
            tasks.add(Task.of("mywork.task.audit", "/admin/audit"));
        }
        if (me.isStaff() || me.isClient()) {
            tasks.add(Task.of("mywork.task.evidence", "/evidence"));
        }
        return tasks;
    }
}
