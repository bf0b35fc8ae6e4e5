package cn.cfp.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The e-mail outbox's retry job runs on Spring's scheduler ({@link MailOutbox#sendDue()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
