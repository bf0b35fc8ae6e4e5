package cn.cfp.web.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Task;
import cn.cfp.access.TaskSource;
import cn.cfp.party.Organisations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PagesController {

    private final Organisations organisations;
    private final List<TaskSource> sources;

    PagesController(Organisations organisations, List<TaskSource> sources) {
        this.organisations = organisations;
        this.sources = sources;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Browsers and tools that ask for the old icon address get the SVG icon, not a 404 in the log. */
    @GetMapping("/favicon.ico")
    String favicon() {
        return "redirect:/favicon.svg";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/mywork";
    }

    /** What this person should do next: every module's task source asked, the most urgent first. */
    @GetMapping("/mywork")
    String myWork(Actor me, Model model) {
        List<Task> tasks = new ArrayList<>();
        sources.forEach(s -> tasks.addAll(s.tasksFor(me)));
        tasks.sort(Comparator.comparingInt(Task::urgency).reversed());
        tasks.add(Task.of("mywork.task.schemes", "/schemes"));
        model.addAttribute("tasks", tasks);
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("organisation", me.organisationId() == null ? null : organisations.find(me.organisationId()).orElse(null));
        return "mywork";
    }
}
