package cn.cfp.cases;

import cn.cfp.access.Actor;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.scheme.Stage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * My-work tasks derived from the open cases: the stage a person must act on in the role they hold on the case (the
 * manager, a team member), clocks running out for the manager, and a paused case for its client.
 */
@Component
class CaseTasks implements TaskSource {

    private final OpenCases openCases;
    private final Clock clock;

    CaseTasks(OpenCases openCases, Clock clock) {
        this.openCases = openCases;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(Actor me) {
        List<Task> tasks = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (CertificationCase c : openCases.all()) {
            String path = "/applications/" + c.applicationId();
            if (me.isClient()) {
                if (c.parties().includes(me.organisationId()) && c.paused()) {
                    tasks.add(Task.of("mywork.task.paused", path, c.reference()).urgent(8));
                }
                continue;
            }
            boolean manager = c.isManager(me.id());
            boolean team = c.isTeamMember(me.id());
            if (!manager && !team) {
                continue;
            }
            for (Stage s : c.currentStages()) {
                boolean mine = s.responsible() == Stage.Responsible.CASE_MANAGER ? manager : s.responsible() == Stage.Responsible.TEAM && (team || manager);
                if (mine && !c.paused()) {
                    tasks.add(Task.of("mywork.task.stage", path, s, c.reference()).urgent(6));
                }
            }
            CaseClock k = c.clock(today);
            if (manager && k.level() != CaseClock.Level.OK) {
                tasks.add(Task.of("mywork.task.clock", path, c.reference(), k.remaining()).urgent(k.level().ordinal() * 5));
            }
        }
        return tasks;
    }
}
