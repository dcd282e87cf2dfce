package eu.guichet.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import eu.guichet.demo.DemoProgress;

@Tag("unit")
class LanguagesTest {

    private final LocaleResolver resolver = Languages.resolver();

    @Test
    void only_french_and_english_are_supported_whatever_the_region() {
        assertThat(Languages.supported("fr-BE")).contains(Locale.FRENCH);
        assertThat(Languages.supported("en_GB")).contains(Locale.ENGLISH);
        assertThat(Languages.supported("de")).isEmpty();
        assertThat(Languages.supported("")).isEmpty();
        assertThat(Languages.supported(null)).isEmpty();
    }

    @Test
    void without_a_cookie_the_first_supported_browser_preference_wins_else_french() {
        assertThat(resolver.resolveLocale(request(null, null))).isEqualTo(Locale.FRENCH);
        assertThat(resolver.resolveLocale(request("en-US,en;q=0.9", null))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("nl-BE,nl;q=0.9,en;q=0.5,fr;q=0.3", null)))
                .isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("de-DE", null))).isEqualTo(Locale.FRENCH);
    }

    @Test
    void the_cookie_wins_over_the_browser_unless_it_names_an_unsupported_language() {
        assertThat(resolver.resolveLocale(request("fr-FR", "en"))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("en-GB", "de"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void the_switch_sets_the_cookie_for_supported_languages_only() throws Exception {
        MockHttpServletRequest request = request("fr", null);
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
        request.setParameter("lang", "en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Languages.switcher().preHandle(request, response, new Object());
        assertThat(response.getCookie(Languages.COOKIE)).isNotNull()
                .satisfies(c -> assertThat(c.getValue()).isEqualTo("en"));

        MockHttpServletRequest other = request("fr", null);
        other.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
        other.setParameter("lang", "xx");
        MockHttpServletResponse untouched = new MockHttpServletResponse();
        Languages.switcher().preHandle(other, untouched, new Object());
        assertThat(untouched.getCookie(Languages.COOKIE)).isNull();
    }

    @Test
    void a_theme_without_fragments_stops_the_start() {
        UiProperties missing = new UiProperties("acme", false, "Guichet", "");
        assertThatThrownBy(() -> new LayoutModel(missing, DemoProgress::notDemo, new DefaultResourceLoader()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("templates/themes/acme");
        UiProperties plain = new UiProperties("plain", false, "Guichet", "");
        assertThat(new LayoutModel(plain, DemoProgress::notDemo, new DefaultResourceLoader()).getTheme())
                .isEqualTo("plain");
    }

    private static MockHttpServletRequest request(String acceptLanguage, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
            request.setPreferredLocales(Arrays.stream(acceptLanguage.split(","))
                    .map(l -> Locale.forLanguageTag(l.split(";")[0].trim())).toList());
        }
        if (cookie != null) {
            request.setCookies(new Cookie(Languages.COOKIE, cookie));
        }
        return request;
    }
}
