package eu.guichet.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import eu.guichet.demo.DemoStep;
import eu.guichet.testing.Api;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Texts;

/**
 * While demo preparation runs, the sign-in page shows its progress and its script (the only one of the shell) keeps
 * it current from GET /demo/progress until the demo is ready. The slow step here waits for the test to release it.
 */
@Tag("e2e")
@GuichetIntegrationTest
class DemoProgressPanelTest {

    static final String STEP = "slow-test-step";
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** The page polls every 3 s: allow a few polls. */
    private static final LocatorAssertions.HasTextOptions POLLS = new LocatorAssertions.HasTextOptions()
            .setTimeout(15_000);

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class SlowStep {
        @Bean
        DemoStep slowTestStep() {
            return new DemoStep() {
                @Override
                public String name() {
                    return STEP;
                }

                @Override
                public String labelKey() {
                    return "test.no_such_label"; // the panel falls back to the step's name
                }

                @Override
                public void run(DoubleConsumer progress) throws InterruptedException {
                    progress.accept(0.4);
                    if (!RELEASE.await(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("The test never released the step");
                    }
                    progress.accept(1);
                }
            };
        }
    }

    @AfterAll
    static void release() {
        RELEASE.countDown();
    }

    @Test
    void the_sign_in_page_follows_demo_preparation_until_it_is_ready() {
        Page page = chromium.newPage("en-GB");
        try {
            page.navigate(base() + "/login");
            Locator panel = page.locator("#demo-progress");
            assertThat(panel).isVisible();
            assertThat(panel.locator("h2")).hasText(Texts.en("demo.progress.title"));
            Locator step = panel.locator("[data-step=" + STEP + "]");
            assertThat(step.locator(".guichet-progress__label")).hasText(STEP);
            assertThat(step.locator(".guichet-progress__state")).hasText(Texts.en("demo.state.RUNNING"), POLLS);
            assertThat(step.locator("progress")).hasAttribute("value", "40");
            assertThat(page.locator("#username")).isEditable();

            String json = new Api(port).get("/demo/progress", null).body();
            assertThat(json).contains("\"name\":\"" + STEP + "\"").contains("\"state\":\"RUNNING\"");

            RELEASE.countDown();
            assertThat(step.locator(".guichet-progress__state")).hasText(Texts.en("demo.state.DONE"), POLLS);
            assertThat(panel.locator(".guichet-progress__ready")).isVisible();
            assertThat(panel.locator(".guichet-progress__ready")).hasText(Texts.en("demo.progress.ready"));

            page.reload();
            assertThat(page.locator("#demo-progress")).hasCount(0);
        } finally {
            page.context().close();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
