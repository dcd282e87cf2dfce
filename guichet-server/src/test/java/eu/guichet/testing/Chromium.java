package eu.guichet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright, for browser tests, as a JUnit
 * extension: {@code @RegisterExtension static final Chromium chromium = new Chromium();} launches it once per test
 * class and closes it after; each test opens its own contexts (cookies, language) with {@link #newPage}, closed
 * after the test.
 */
public final class Chromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Where browser tests write their screenshots. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext junit) {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @Override
    public void afterEach(ExtensionContext junit) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext junit) {
        browser.close();
        playwright.close();
    }

    /** A page in a fresh context: no cookies, the given browser language (e.g. {@code en-GB}), 1280×800. */
    public Page newPage(String locale) {
        return newContext(new Browser.NewContextOptions().setLocale(locale)).newPage();
    }

    /** A fresh context with the usual viewport, for options such as {@code setBypassCSP}. */
    public BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        return context;
    }

    /** Saves a screenshot of the page under {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name, boolean fullPage) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
        return file;
    }
}
