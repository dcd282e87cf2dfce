package eu.guichet.notification.internal;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications are mailed ({@code guichet.notification.*}). The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} e-mails stay in the outbox, unsent.
 *
 * @param from          sender of the e-mails
 * @param baseUrl       the address users open Guichet at: links in e-mails start with it
 * @param timeZone      zone in which due dates are written in e-mails
 * @param drainInterval pause between two runs of the outbox drain
 * @param batchSize     e-mails sent per run at most
 * @param maxAttempts   attempts before an e-mail is given up (status FAILED)
 * @param retryBackoff  wait after the first failure; doubled after each further one
 * @param maxBackoff    longest wait between two attempts
 */
@Validated
@ConfigurationProperties("guichet.notification")
public record NotificationProperties(
        @NotBlank @DefaultValue("Guichet <no-reply@guichet.invalid>") String from,
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @NotNull @DefaultValue("Europe/Paris") ZoneId timeZone,
        @NotNull @DefaultValue("30s") Duration drainInterval,
        @Min(1) @DefaultValue("50") int batchSize,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("1m") Duration retryBackoff,
        @NotNull @DefaultValue("6h") Duration maxBackoff) {

    /** The wait before the next attempt after {@code attempts} failed ones: backoff × 2^(attempts−1), capped. */
    public Duration backoffAfter(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
