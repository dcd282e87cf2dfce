/**
 * Notifications: what the platform tells a user (a deadline coming, a result to publish), shown in the application
 * and sent by e-mail through a transactional outbox drained over SMTP. Other modules call
 * {@link eu.guichet.notification.Notifications#notify} inside their own transaction.
 */
package eu.guichet.notification;
