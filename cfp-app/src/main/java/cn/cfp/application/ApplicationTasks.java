package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** My-work tasks of applications: the applicant completes its draft or answers a supplement request; project managers review. */
@Component
class ApplicationTasks implements TaskSource {

    private final ApplicationQueries queries;

    ApplicationTasks(ApplicationQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(Actor me) {
        List<Task> tasks = new ArrayList<>();
        if (me.isClient()) {
            for (ApplicationQueries.Pending p : queries.pending(me.organisationId())) {
                String path = "/applications/" + p.id();
                if (p.status() == ApplicationStatus.DRAFT) {
                    tasks.add(Task.of("mywork.task.complete", path, p.reference()));
                } else if (p.status() == ApplicationStatus.SUPPLEMENT_REQUESTED) {
                    tasks.add(Task.of("mywork.task.supplement", path, p.reference() + (p.dueOn() == null ? "" : " (" + p.dueOn() + ")"))
                            .urgent(p.dueOn() == null ? 5 : 10));
                }
            }
        } else if (me.has(Role.PROJECT_MANAGER)) {
            for (ApplicationQueries.Pending p : queries.pending(null)) {
                if (p.status() == ApplicationStatus.SUBMITTED) {
                    tasks.add(Task.of("mywork.task.review", "/applications/" + p.id(),
                            p.reference() + (p.dueOn() == null ? "" : " (" + p.dueOn() + ")")).urgent(p.dueOn() == null ? 5 : 10));
                }
            }
        }
        return tasks;
    }
}
