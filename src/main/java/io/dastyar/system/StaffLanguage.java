package io.dastyar.system;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language of the staff pages (sign-in, console, admin pages, error pages): the one chosen with
 * {@code ?locale=fa} (kept in a cookie for a year), else the browser's first language we speak, else English.
 * Customers' texts do not come from here: the widget and the bot follow each conversation's own language.
 * ({@code locale}, not {@code lang}: {@code lang} already names an article's language on the admin pages.)
 */
final class StaffLanguage implements LocaleResolver {

    static final String PARAMETER = "locale";
    static final String COOKIE = "dastyar-locale";
    private static final String CHOSEN = StaffLanguage.class.getName() + ".CHOSEN";

    static Language of(Locale locale) {
        return locale == null ? Language.EN : Language.fromTag(locale.toLanguageTag()).orElse(Language.EN);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Language chosen) {
            return chosen.locale();
        }
        return fromCookie(request).or(() -> fromBrowser(request)).orElse(Language.EN).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Language language = of(locale);
        request.setAttribute(CHOSEN, language);
        if (response != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, language.tag())
                    .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build().toString());
        }
    }

    private static Optional<Language> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.fromTag(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> fromBrowser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Optional.empty();
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Optional<Language> spoken = Language.fromTag(locale.toLanguageTag());
            if (spoken.isPresent()) {
                return spoken;
            }
        }
        return Optional.empty();
    }

    /** Switches the language when a staff page is opened with {@code ?locale=xx}; other values are ignored. */
    static final class Choice implements HandlerInterceptor {

        private final LocaleResolver resolver;

        Choice(LocaleResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if ("GET".equals(request.getMethod())) {
                Language.fromTag(request.getParameter(PARAMETER))
                        .ifPresent(language -> resolver.setLocale(request, response, language.locale()));
            }
            return true;
        }
    }
}
