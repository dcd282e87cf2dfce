package eu.guichet.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, in demo mode (demo organisations and accounts, password
 * {@link Api#DEMO_PASSWORD}, local accounts), against a fresh database on the real PostgreSQL server; FHIR
 * deliveries validate a smaller profile sample than the default.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guichet.demo.password=" + Api.DEMO_PASSWORD,
        // the FHIR profile validation of 10 records per type, not 100: the same code, a fraction of the time
        // (the data plane's ProfileSampleValidationTest validates the default sample of the Synthea population)
        "guichet.ingest.profile-sample-size=10"})
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.class)
public @interface GuichetIntegrationTest {
}
