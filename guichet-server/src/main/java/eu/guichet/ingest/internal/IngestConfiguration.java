package eu.guichet.ingest.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.tabular.DeliveryOptions;

/** The lake and the delivered files' directories, from {@code guichet.ingest.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    DeliveryFiles deliveryFiles(IngestProperties settings) {
        return new DeliveryFiles(settings.workDir());
    }

    @Bean
    DataPlaneRun dataPlaneRun(IngestProperties settings, Pseudonymiser pseudonymiser) {
        return new DataPlaneRun(settings.lakeDir(), pseudonymiser,
                new DeliveryOptions(settings.memoryLimit(), settings.threads(), settings.profileSampleSize()));
    }
}
