package eu.guichet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright, for browser tests. One per test
 * class: launch it in {@code @BeforeAll}, close it in {@code @AfterAll}; each test opens its own context (cookies,
 * language) with {@link #newPage}.
 */
public final class Chromium implements AutoCloseable {

    /** Where browser tests write their screenshots. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        return new Chromium(playwright, browser);
    }

    /** A page in a fresh context: no cookies, the given browser language (e.g. {@code en-GB}), 1280×800. */
    public Page newPage(String locale) {
        return newContext(new Browser.NewContextOptions().setLocale(locale)).newPage();
    }

    /** A fresh context with the usual viewport, for options such as {@code setBypassCSP}. */
    public BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
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

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
