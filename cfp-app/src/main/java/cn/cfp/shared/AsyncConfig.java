package cn.cfp.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module event listeners ({@code @ApplicationModuleListener}) run after the publishing transaction commits, on their own
 * thread and in their own transaction; the event publication table keeps an event until its listener has completed, and
 * outstanding ones are delivered again after a restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {
}
