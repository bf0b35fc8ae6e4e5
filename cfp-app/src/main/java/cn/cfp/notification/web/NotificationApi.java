package cn.cfp.notification.web;

import cn.cfp.access.Actor;
import cn.cfp.notification.NotificationView;
import cn.cfp.notification.Notifications;
import cn.cfp.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications over the API (texts in the request's language: {@code ?lang=en} or Accept-Language). */
@RestController
@Tag(name = "notifications")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "The caller's notifications, newest first, a page at a time (page from 0, size 1-200, default 50; "
            + "the total in X-Total-Count, the unread count in X-Unread-Count)")
    ResponseEntity<List<NotificationView>> list(Actor me, @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size, Locale locale) {
        Paging.Page<NotificationView> p = notifications.of(me, Paging.of(page, size), locale);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total()))
                .header("X-Unread-Count", String.valueOf(notifications.unreadCount(me.id()))).body(p.items());
    }

    @GetMapping("/api/notifications/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    Map<String, Long> unread(Actor me) {
        return Map.of("unread", notifications.unreadCount(me.id()));
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read (another person's: 404)")
    NotificationView read(Actor me, @PathVariable long id, Locale locale) {
        return notifications.markRead(me, id, locale);
    }

    @PostMapping("/api/notifications/read-all")
    @Operation(summary = "Marks all the caller's notifications read; answers how many were unread")
    Map<String, Integer> readAll(Actor me) {
        return Map.of("marked", notifications.markAllRead(me));
    }
}
