package cn.cfp.review.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.cases.Cases;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.review.Reviews;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Paging;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * My-work tasks of the review module: a reviewer sees the open cases waiting at TECHNICAL_REVIEW that they may review
 * (independent of the case, and not conflicted with its parties), a decision maker those at DECISION they may decide.
 */
@Component
class ReviewTasks implements TaskSource {

    private final Cases cases;
    private final Reviews reviews;
    private final StaffRegistry staff;

    ReviewTasks(Cases cases, Reviews reviews, StaffRegistry staff) {
        this.cases = cases;
        this.reviews = reviews;
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(Actor me) {
        List<Task> tasks = new ArrayList<>();
        boolean reviewer = me.has(Role.REVIEWER) || me.has(Role.DECISION_MAKER);
        if (!reviewer || me.isClient()) {
            return tasks;
        }
        for (Cases.OpenCase c : cases.openByRisk(new Paging(0, Paging.MAX_SIZE)).items()) {
            if (!c.stages().contains(Stage.TECHNICAL_REVIEW) && !c.stages().contains(Stage.DECISION)) {
                continue;
            }
            if (staff.conflicted(me.id(), cases.require(c.applicationId()).parties().all())) {
                continue; // a declared conflict of interest keeps the person off the case (R-PER-2)
            }
            String path = "/review/" + c.applicationId();
            if (c.stages().contains(Stage.TECHNICAL_REVIEW) && reviews.mayReview(me, c.applicationId()).allowed()) {
                tasks.add(Task.of("mywork.task.technicalReview", path, c.reference()).urgent(6));
            }
            if (c.stages().contains(Stage.DECISION) && reviews.mayDecide(me, c.applicationId()).allowed()) {
                tasks.add(Task.of("mywork.task.certificationDecision", path, c.reference()).urgent(6));
            }
        }
        return tasks;
    }
}
