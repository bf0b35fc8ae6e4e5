package cn.cfp.web.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.party.Organisations;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PagesController {

    record Task(String key, Object arg, String path) {
    }

    private final WorkingDayCalendar calendar;
    private final Organisations organisations;
    private final cn.cfp.application.Applications applications;
    private final cn.cfp.application.NinetyDayClock clock;
    private final cn.cfp.planning.Plans plans;

    PagesController(WorkingDayCalendar calendar, Organisations organisations, cn.cfp.application.Applications applications,
                    cn.cfp.application.NinetyDayClock clock, cn.cfp.planning.Plans plans) {
        this.calendar = calendar;
        this.organisations = organisations;
        this.applications = applications;
        this.clock = clock;
        this.plans = plans;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        return "redirect:/mywork";
    }

    /** What this person should do next, by role. Workflow tasks join this list as the workflow modules land. */
    @GetMapping("/mywork")
    @PreAuthorize("isAuthenticated()")
    String myWork(@AuthenticationPrincipal CfpPrincipal me, Model model) {
        List<Task> tasks = new ArrayList<>();
        caseTasks(me, tasks);
        if (me.has(Role.ADMIN)) {
            calendar.missingYears(1).forEach(y -> tasks.add(new Task("mywork.task.calendar", y, "/calendar?year=" + y)));
            tasks.add(task("mywork.task.users", "/admin/users"));
        }
        if (me.has(Role.ADMIN) || me.has(Role.ARCHIVIST)) {
            tasks.add(task("mywork.task.audit", "/admin/audit"));
        }
        if (me.isStaff() || me.isClient()) {
            tasks.add(task("mywork.task.evidence", "/evidence"));
        }
        tasks.add(task("mywork.task.schemes", "/schemes"));
        model.addAttribute("tasks", tasks);
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("organisation", me.organisationId() == null ? null : organisations.find(me.organisationId()).orElse(null));
        return "mywork";
    }

    /** What the cases ask of this person now: the client's pending steps and deadlines, the project manager's decisions. */
    private void caseTasks(CfpPrincipal me, List<Task> tasks) {
        boolean pm = me.has(Role.PROJECT_MANAGER) || me.has(Role.ADMIN);
        if (!me.isClient() && !pm) {
            return;
        }
        for (cn.cfp.application.ApplicationView app : applications.visibleTo(me)) {
            String path = "/applications/" + app.id();
            var plan = plans.forApplication(app.id());
            if (me.isClient()) {
                switch (app.status()) {
                    case DRAFT -> tasks.add(new Task("mywork.task.complete", app.reference(), path));
                    case SUPPLEMENT_REQUESTED -> {
                        var d = applications.details(app.id());
                        var due = d.history().stream().filter(e -> e.kind().equals("SUPPLEMENT_REQUESTED")).reduce((a, b) -> b)
                                .map(e -> e.dueOn() == null ? "—" : e.dueOn().toString()).orElse("—");
                        tasks.add(new Task("mywork.task.supplement", app.reference() + " (" + due + ")", path));
                    }
                    default -> { }
                }
                plan.filter(p -> p.status() == cn.cfp.planning.PlanStatus.TEAM_PROPOSED)
                        .ifPresent(p -> tasks.add(new Task("mywork.task.team", app.reference(), "/planning/" + app.id())));
                plan.filter(p -> p.status() == cn.cfp.planning.PlanStatus.SENT && p.visitDate() != null)
                        .ifPresent(p -> tasks.add(new Task("mywork.task.visit", app.reference() + " " + p.visitDate(), "/planning/" + app.id())));
            } else {
                switch (app.status()) {
                    case SUBMITTED -> {
                        var due = applications.details(app.id()).acceptanceDueOn();
                        tasks.add(new Task("mywork.task.review", app.reference() + (due == null ? "" : " (" + due + ")"), path));
                    }
                    case ACCEPTED -> {
                        var c = clock.of(app.id());
                        if (c.level() != cn.cfp.application.ClockView.Level.OK) {
                            tasks.add(new Task("mywork.task.clock", app.reference() + ": " + c.remaining(), path));
                        }
                        if (plan.isEmpty() || plan.get().status() != cn.cfp.planning.PlanStatus.SENT) {
                            tasks.add(new Task("mywork.task.plan", app.reference(), "/planning/" + app.id()));
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    private static Task task(String key, String path) {
        return new Task(key, null, path);
    }
}
