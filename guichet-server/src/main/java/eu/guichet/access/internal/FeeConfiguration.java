package eu.guichet.access.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.guichet.access.FeeCalculator;

/** The fee calculator on the HDAB's price list ({@code guichet.fees.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeeProperties.class)
class FeeConfiguration {

    @Bean
    FeeCalculator feeCalculator(FeeProperties properties) {
        return new FeeCalculator(properties.schedule());
    }
}
