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

    PagesController(WorkingDayCalendar calendar, Organisations organisations) {
        this.calendar = calendar;
        this.organisations = organisations;
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

    private static Task task(String key, String path) {
        return new Task(key, null, path);
    }
}
