package eu.guichet.ui.internal;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages of the UI: French and English. The choice made with {@code ?lang=} is kept in a cookie; without one,
 * the browser's first supported preference wins, and French when the browser states none we support.
 */
final class Languages {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final Locale DEFAULT = Locale.FRENCH;
    static final String PARAMETER = "lang";
    static final String COOKIE = "guichet-lang";

    private Languages() {
    }

    /** The supported language matching {@code tag} ({@code fr}, {@code en-GB}...), if any. */
    static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The browser's first supported preference (Accept-Language), else the default. */
    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return DEFAULT;
        }
        return Collections.list(request.getLocales()).stream()
                .map(Locale::toLanguageTag)
                .map(Languages::supported)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(DEFAULT);
    }

    static LocaleResolver resolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale resolved = super.resolveLocale(request);
                return supported(resolved.toLanguageTag()).orElseGet(() -> fromBrowser(request));
            }
        };
        resolver.setDefaultLocaleFunction(Languages::fromBrowser);
        resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Switches the language on {@code ?lang=fr} or {@code ?lang=en}; ignores any other value. */
    static HandlerInterceptor switcher() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                supported(request.getParameter(PARAMETER)).ifPresent(locale -> {
                    LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils
                            .getLocaleResolver(request);
                    if (resolver != null) {
                        resolver.setLocale(request, response, locale);
                    }
                });
                return true;
            }
        };
    }
}
