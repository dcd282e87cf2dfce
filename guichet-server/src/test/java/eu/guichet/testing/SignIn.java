package eu.guichet.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Signing in and out of the browser UI, whatever its language. */
public final class SignIn {

    private SignIn() {
    }

    /** Opens the sign-in page and submits the form with the demo password; does not check the outcome. */
    public static void submit(Page page, String base, String username, String password) {
        page.navigate(base + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("main form[action$='/login'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /** Signs in as a demo account and waits for the signed-in header. */
    public static void as(Page page, String base, String username) {
        submit(page, base, username, Api.DEMO_PASSWORD);
        assertThat(signOutButton(page)).isVisible();
    }

    /** The header's sign-out button. */
    public static Locator signOutButton(Page page) {
        return page.locator("header form[action$='/logout'] button[type=submit]").first();
    }
}
