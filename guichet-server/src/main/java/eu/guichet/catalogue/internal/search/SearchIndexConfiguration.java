package eu.guichet.catalogue.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The index as the application's {@code CatalogueSearch}: in memory, or in the configured directory (its datasets in
 * {@code datasets/}, its variables in {@code variables/}).
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexConfiguration {

    @Bean(destroyMethod = "close")
    CatalogueIndex catalogueIndex(SearchProperties settings) {
        if (settings.directory() == null) {
            return CatalogueIndex.inMemory();
        }
        return new CatalogueIndex(directory(settings.directory().resolve("datasets")),
                directory(settings.directory().resolve("variables")));
    }

    private static Directory directory(Path path) {
        try {
            Files.createDirectories(path);
            return FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index directory " + path, e);
        }
    }
}
