package eu.guichet.catalogue.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The index as the application's {@code CatalogueSearch}: in memory, or in the configured directory. */
@Configuration(proxyBeanMethods = false)
class SearchIndexConfiguration {

    @Bean(destroyMethod = "close")
    CatalogueIndex catalogueIndex(SearchProperties settings) {
        return new CatalogueIndex(directory(settings));
    }

    private static Directory directory(SearchProperties settings) {
        if (settings.directory() == null) {
            return new ByteBuffersDirectory();
        }
        try {
            Files.createDirectories(settings.directory());
            return FSDirectory.open(settings.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index directory " + settings.directory(), e);
        }
    }
}
