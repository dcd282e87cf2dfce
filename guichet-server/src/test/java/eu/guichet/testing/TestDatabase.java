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

/**
 * Gives each Spring test context its own fresh database on the real PostgreSQL server of the machine
 * ({@code GUICHET_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code GUICHET_TEST_PG_USER}
 * or {@code postgres}) and its own data directory; the database is dropped when the context closes.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER = System.getenv().getOrDefault("GUICHET_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("GUICHET_TEST_PG_USER", "postgres");

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
                "guichet.data-dir=" + dataDir,
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
