package cn.cfp.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The e-mail copies of notifications, sent through Spring Mail to the configured SMTP server when
 * {@code cfp.mail.enabled} is true (off by default). An e-mail is stored with its notification (the outbox) and sent
 * after that transaction commits; a failure (server down, address refused) never reaches the business action — it is
 * logged and the e-mail tried again later (after 1, 5, 15, 60 minutes, then every 4 hours), {@link #MAX_ATTEMPTS}
 * times in all, then marked failed. Each attempt first claims the row for {@link #LEASE}, so two nodes (or the retry
 * job and the immediate send) never send one e-mail twice, and one that stopped mid-send is taken up again.
 */
@Component
class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 8;
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(4));

    private final NotificationRepository repository;
    private final NotificationTexts texts;
    private final ObjectProvider<JavaMailSender> senders;
    private final TransactionTemplate own;
    private final Clock clock;
    private final boolean enabled;
    private final String from;

    MailOutbox(NotificationRepository repository, NotificationTexts texts, ObjectProvider<JavaMailSender> senders,
               PlatformTransactionManager transactions, Clock clock, @Value("${cfp.mail.enabled:false}") boolean enabled,
               @Value("${cfp.mail.from:cfp@localhost}") String from) {
        this.repository = repository;
        this.texts = texts;
        this.senders = senders;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.enabled = enabled;
        this.from = from;
        if (enabled) {
            JavaMailSender sender = senders.getIfAvailable();
            if (sender == null || sender instanceof JavaMailSenderImpl impl && !StringUtils.hasText(impl.getHost())) {
                throw new IllegalStateException("cfp.mail.enabled is true but no SMTP server is configured: set CFP_SMTP_HOST "
                        + "(and CFP_SMTP_PORT, CFP_SMTP_USER, CFP_SMTP_PASSWORD, CFP_MAIL_FROM), see docs/configuration.md");
            }
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Sends these e-mails once the current transaction has committed (at once when there is none). */
    void sendAfterCommit(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ids.forEach(MailOutbox.this::send);
                }
            });
        } else {
            ids.forEach(this::send);
        }
    }

    /** The retry job: every e-mail that is due (waiting for another attempt, or left mid-send). Returns how many were sent. */
    @Scheduled(initialDelayString = "${cfp.mail.retry-every:PT1M}", fixedDelayString = "${cfp.mail.retry-every:PT1M}")
    int sendDue() {
        if (!enabled) {
            return 0;
        }
        int sent = 0;
        for (long id : repository.mailDue(clock.instant(), 100)) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * One attempt at one e-mail, each step in a transaction of its own (never the caller's): claim, send, record.
     * Never throws: a failure is logged and scheduled again. True when it was sent now.
     */
    boolean send(long id) {
        try {
            Instant now = clock.instant();
            Boolean claimed = own.execute(s -> repository.claim(id, now, now.plus(LEASE)));
            if (!Boolean.TRUE.equals(claimed)) {
                return false;
            }
            NotificationRepository.Stored n = own.execute(s -> repository.find(id)).orElseThrow();
            try {
                senders.getObject().send(message(n));
            } catch (MessagingException | RuntimeException e) {
                int attempt = n.mailAttempts() + 1;
                Instant next = attempt >= MAX_ATTEMPTS ? null
                        : clock.instant().plus(BACKOFF.get(Math.min(attempt - 1, BACKOFF.size() - 1)));
                own.executeWithoutResult(s -> repository.mailFailed(id, next, e.toString()));
                if (next == null) {
                    LOG.error("notification {}: e-mail to {} failed {} times, given up: {}", id, n.mailTo(), attempt, e.toString());
                } else {
                    LOG.warn("notification {}: e-mail to {} failed (attempt {}), tried again at {}: {}", id, n.mailTo(), attempt, next,
                            e.toString());
                }
                return false;
            }
            own.executeWithoutResult(s -> repository.mailSent(id));
            return true;
        } catch (RuntimeException e) {
            LOG.error("notification {}: e-mail not sent (the outbox will try again once its lease ends)", id, e);
            return false;
        }
    }

    private MimeMessage message(NotificationRepository.Stored n) throws MessagingException {
        MimeMessage m = senders.getObject().createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(m, false, "UTF-8");
        h.setFrom(from);
        h.setTo(n.mailTo());
        h.setSubject(texts.subject(n.kind(), n.args(), n.mailLocale()));
        h.setText(texts.mail(n.kind(), n.args(), n.link(), n.mailLocale()), false);
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader("Content-Language", n.mailLocale().getLanguage());
        return m;
    }
}
