package eu.guichet.catalogue.internal.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the catalogue's search index.
 *
 * @param directory where the index lives on disk; unset: in memory. Either way it is rebuilt from the database at
 *                  start, so the directory only saves memory, never holds the truth.
 */
@ConfigurationProperties("guichet.catalogue.search")
public record SearchProperties(Path directory) {
}
