package eu.guichet.testing;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

/** axe-core, the accessibility checker, run inside a page. */
public final class Axe {

    /** Installed by {@code npm ci} at build time; surefire runs in the module directory. */
    public static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");

    /** Runs axe and lists the serious and critical violations, each with the first elements concerned. */
    private static final String RUN = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                  + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '));
            }""";

    private Axe() {
    }

    /**
     * Context options for pages axe will check: the Content Security Policy forbids injected scripts, so such
     * contexts bypass it (the pages themselves are unchanged).
     */
    public static Browser.NewContextOptions contextOptions(String locale) {
        return new Browser.NewContextOptions().setLocale(locale).setBypassCSP(true);
    }

    /** The serious and critical violations on the page as it is now. */
    public static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
        return ((List<?>) page.evaluate(RUN)).stream().map(String::valueOf).toList();
    }
}
