package eu.guichet.extract.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.guichet.dataplane.extract.ExtractBuilder;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/** The data plane's extract builder, writing under {@code guichet.extract.dir}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractProperties.class)
class ExtractConfiguration {

    @Bean
    ExtractBuilder extractBuilder(ExtractProperties settings, Pseudonymiser pseudonymiser, Clock clock) {
        return new ExtractBuilder(settings.dir(), pseudonymiser, clock);
    }
}
