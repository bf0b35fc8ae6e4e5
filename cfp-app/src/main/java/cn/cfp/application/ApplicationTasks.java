package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.scheme.SchemeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * My-work tasks of applications: the applicant completes its draft, answers a supplement request or supplements the
 * documents the document review asked for; project managers review.
 */
@Component
class ApplicationTasks implements TaskSource {

    private final ApplicationQueries queries;
    private final Cases cases;
    private final SchemeCatalog schemes;

    ApplicationTasks(ApplicationQueries queries, Cases cases, SchemeCatalog schemes) {
        this.queries = queries;
        this.cases = cases;
        this.schemes = schemes;
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
            // the document review asked for a supplement (issue 8 item 11): only while another round may follow
            List<ApplicationQueries.SupplementDue> due = queries.documentSupplementsDue(me.organisationId());
            Map<Long, CertificationCase> open = due.isEmpty() ? Map.of()
                    : cases.ofApplications(due.stream().map(ApplicationQueries.SupplementDue::id).toList());
            for (ApplicationQueries.SupplementDue s : due) {
                Integer max = schemes.get(s.schemeCode()).documentReviewRounds().value();
                CertificationCase c = open.get(s.id());
                if (c != null && c.isOpen() && (max == null || s.round() < max)) {
                    tasks.add(Task.of("mywork.task.documentSupplement", "/applications/" + s.id(), s.reference(), s.round()).urgent(10));
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
