package eu.guichet;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Guichet, the platform of a Health Data Access Body. Start it with {@code java -jar guichet-server.jar demo} for the
 * self-contained demo (embedded PostgreSQL under {@code ./guichet-data/}, demo accounts), or without arguments to
 * connect to the PostgreSQL given by {@code GUICHET_DB_URL}, {@code GUICHET_DB_USER}, {@code GUICHET_DB_PASSWORD}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GuichetApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GuichetApplication.class);
        if (args.length > 0 && args[0].equals("demo")) {
            application.setAdditionalProfiles("demo");
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        application.run(args);
    }

    /** The one source of "now" for every module; tests replace it with a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
