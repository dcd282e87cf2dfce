package eu.guichet.audit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param anchorFile append-only file outside the database where the head of the chain is written after each
 *                   commit; deleting the newest events from the table then shows as a broken chain. In production
 *                   put it on separate storage and make it append-only ({@code chattr +a}).
 */
@Validated
@ConfigurationProperties("guichet.audit")
record AuditProperties(@NotNull Path anchorFile) {
}
