package eu.guichet.notification.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduled jobs (the outbox drain here; other modules' jobs, such as the register's result
 * reminders, run on the same scheduler).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {
}
