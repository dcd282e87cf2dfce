package eu.guichet.access.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import eu.guichet.access.StatutoryClocks;

/** The statutory clocks, on the HDAB's zone and calendar ({@code guichet.access.*}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AccessConfiguration {

    @Bean
    StatutoryClocks statutoryClocks(AccessProperties properties, Clock clock) {
        return new StatutoryClocks(properties.clockSettings(), clock);
    }
}
