package cn.cfp.notification;

import cn.cfp.access.UserView;
import cn.cfp.notification.NotificationRepository.MailState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people one thing: a notification for each (once per person and key), and — when e-mail is on and the person
 * gave an address — its e-mail copy in the outbox, sent once this transaction has committed.
 */
@Component
class Notifier {

    private final NotificationRepository repository;
    private final MailOutbox outbox;
    private final Clock clock;

    Notifier(NotificationRepository repository, MailOutbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the ids of the notifications made (none for people already told). */
    @Transactional
    List<Long> tell(Collection<UserView> people, Notice notice) {
        Instant now = clock.instant();
        Set<Long> seen = new HashSet<>();
        List<Long> made = new ArrayList<>();
        List<Long> mails = new ArrayList<>();
        for (UserView p : people) {
            if (!p.enabled() || !seen.add(p.id()) || repository.exists(p.id(), notice.key())) {
                continue;
            }
            boolean mail = outbox.enabled() && p.email() != null && !p.email().isBlank();
            long id = repository.insert(p.id(), notice, now, mail ? MailState.PENDING : MailState.NONE, mail ? p.email() : null,
                    p.language());
            made.add(id);
            if (mail) {
                mails.add(id);
            }
        }
        outbox.sendAfterCommit(mails);
        return made;
    }
}
