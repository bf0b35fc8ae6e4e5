package cn.cfp.notification;

import cn.cfp.access.Actor;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notifications (issue 8 item 16): their list, newest first, a page at a time, the unread count shown in
 * every page's header, and marking read. Everyone reads and marks only their own: another person's notification is
 * not there for them (404). Storage: {@link NotificationRepository}.
 */
@Service
public class Notifications {

    private final NotificationRepository repository;
    private final NotificationTexts texts;
    private final Clock clock;

    Notifications(NotificationRepository repository, NotificationTexts texts, Clock clock) {
        this.repository = repository;
        this.texts = texts;
        this.clock = clock;
    }

    /** A page of the person's notifications in this language, newest first, with the total. */
    @Transactional(readOnly = true)
    public Paging.Page<NotificationView> of(Actor me, Paging paging, Locale locale) {
        Paging.Page<NotificationRepository.Stored> p = repository.page(me.id(), paging);
        return new Paging.Page<>(p.items().stream().map(n -> view(n, locale)).toList(), p.total());
    }

    /** How many of the person's notifications are unread (one indexed count). */
    @Transactional(readOnly = true)
    public long unreadCount(long userId) {
        return repository.unread(userId);
    }

    /** One of the person's notifications, in this language. */
    @Transactional(readOnly = true)
    public NotificationView get(Actor me, long id, Locale locale) {
        return view(require(me, id), locale);
    }

    /** Marks one of the person's notifications read (already read: nothing changes). */
    @Transactional
    public NotificationView markRead(Actor me, long id, Locale locale) {
        require(me, id);
        repository.markRead(me.id(), id, clock.instant());
        return view(require(me, id), locale);
    }

    /** Marks all the person's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(Actor me) {
        return repository.markAllRead(me.id(), clock.instant());
    }

    private NotificationRepository.Stored require(Actor me, long id) {
        return repository.find(me.id(), id).orElseThrow(() -> Refusal.notFound("notification.notFound", id));
    }

    private NotificationView view(NotificationRepository.Stored n, Locale locale) {
        return new NotificationView(n.id(), n.kind(), texts.subject(n.kind(), n.args(), locale), texts.body(n.kind(), n.args(), locale),
                n.link(), n.createdAt(), n.readAt() != null);
    }
}
