package io.dastyar.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.dastyar.account.SignInHandlers;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** What the staff pages' shared header asks of Java ({@code @staffPages} in templates). */
@Component("staffPages")
public class StaffPages {

    /** A language of the staff pages, named in itself, with the address of this page in it. */
    public record LanguageLink(String tag, String name, String href, boolean current) {
    }

    private static final Map<Language, String> ENDONYMS = Map.of(
            Language.EN, "English", Language.FA, "فارسی", Language.AR, "العربية", Language.AZ, "Azərbaycanca");

    /** This page in each language the staff pages speak; on an error page, the address that failed. */
    public List<LanguageLink> languages() {
        Language current = StaffLanguage.of(LocaleContextHolder.getLocale());
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
        return Arrays.stream(Language.values())
                .map(language -> new LanguageLink(language.tag(), ENDONYMS.get(language), here(request, language),
                        language == current))
                .toList();
    }

    /** Where the signed-in user starts (their role decides), or the public start page for anyone else. */
    public String startPage() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        return signedIn ? SignInHandlers.startPage(user) : "/";
    }

    private static String here(HttpServletRequest request, Language language) {
        if (request == null) {
            return "?" + StaffLanguage.PARAMETER + "=" + language.tag();
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed : request.getRequestURI();
        // Only the query of a page that was asked for as it is: not a form's answer, not a failed address.
        String query = "GET".equals(request.getMethod()) && request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
                ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(path.replaceFirst("^/+", "/")).query(query)
                .replaceQueryParam(StaffLanguage.PARAMETER, language.tag()).build().toUriString();
    }
}
