package eu.guichet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives each Spring test context its own fresh database on a real PostgreSQL server and its own data directory; the
 * database is dropped when the context closes. The server is the machine's ({@code GUICHET_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code GUICHET_TEST_PG_USER} or {@code postgres}, no password);
 * when none answers there, an embedded PostgreSQL 15 is started once for the whole test run.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Server SERVER_IN_USE = Server.find();
    public static final String SERVER = SERVER_IN_USE.url();
    public static final String USER = SERVER_IN_USE.user();

    private record Server(String url, String user) {
        static Server find() {
            String url = System.getenv().getOrDefault("GUICHET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
            String user = System.getenv().getOrDefault("GUICHET_TEST_PG_USER", "postgres");
            try (Connection c = DriverManager.getConnection(url + "postgres", user, "")) {
                return new Server(url, user);
            } catch (SQLException unreachable) {
                if (System.getenv("GUICHET_TEST_PG_URL") != null) {
                    throw new IllegalStateException("PostgreSQL at " + url + " does not answer", unreachable);
                }
                return startEmbedded();
            }
        }

        private static Server startEmbedded() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (java.io.IOException e) {
                        System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
                    }
                }));
                return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("No PostgreSQL at 127.0.0.1:5432 and the embedded one did not start",
                        e);
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "guichet_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("create database " + name);
        // Dropped when the context closes, after its beans (connection pool included) are gone: disposable beans
        // are destroyed in reverse order of registration, and this one is registered before any other. (A JVM
        // shutdown hook would race the context's own and pull the database from under beans that still use it.)
        DisposableBean drop = () -> execute("drop database if exists " + name + " with (force)");
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("guichetTestDatabaseDrop", drop);
        beans.registerDisposableBean("guichetTestDatabaseDrop", drop);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("guichet-test-data");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        TestPropertyValues.of(
                "spring.datasource.url=" + SERVER + name,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=",
                // every cached test context keeps a pool: small ones keep the server under its max_connections
                "spring.datasource.hikari.maximum-pool-size=8",
                "spring.datasource.hikari.minimum-idle=1",
                "guichet.data-dir=" + dataDir,
                "guichet.pseudonymisation.generate-if-missing=true",
                "guichet.demo.embedded-database=false").applyTo(context);
    }

    /** Runs one statement on the server's maintenance database. */
    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed by the integration tests: "
                    + e.getMessage(), e);
        }
    }
}
