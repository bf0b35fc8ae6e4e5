package cn.cfp.notification.web;

import cn.cfp.access.Actor;
import cn.cfp.notification.NotificationView;
import cn.cfp.notification.Notifications;
import cn.cfp.shared.Paging;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's notification list (paged), opening one (marks it read, goes to the page to act on), marking read. */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final Clock clock;

    NotificationPages(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    String list(Actor me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Locale locale, Model model) {
        Paging paging = Paging.of(page, size);
        model.addAttribute("result", notifications.of(me, paging, locale));
        model.addAttribute("paging", paging);
        model.addAttribute("zone", clock.getZone());
        return "notification/list";
    }

    /** Opens a notification: marks it read and goes to the page to act on. */
    @PostMapping("/notifications/{id}/open")
    String open(Actor me, @PathVariable long id, Locale locale) {
        NotificationView n = notifications.markRead(me, id, locale);
        return "redirect:" + n.link();
    }

    @PostMapping("/notifications/{id}/read")
    String read(Actor me, @PathVariable long id, Locale locale) {
        notifications.markRead(me, id, locale);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(Actor me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("marked", notifications.markAllRead(me));
        return "redirect:/notifications";
    }
}
