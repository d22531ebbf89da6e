package io.dastyar.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads a request's parameters before anything else does, so that a client's mistake in them (a percent-escape
 * that is not UTF-8, such as {@code ?lang=%FF}, or a form larger than the server accepts) is answered with 400 or
 * 413 and one WARN line, not with an ERROR and a stack trace from whichever filter happened to read them first.
 * The error page that follows sees no parameters at all, so it cannot stumble over them again.
 * <p>
 * Only the query string and url-encoded forms are read here; multipart and other bodies are left to their readers.
 */
final class MalformedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);
    private static final String REFUSED = MalformedRequests.class.getName() + ".REFUSED";
    private static final int LONGEST_LOGGED = 200;

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(request.getAttribute(REFUSED) != null ? new WithoutParameters(request) : request, response);
            return;
        }
        if (hasParameters(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException unreadable) {
                refuse(request, response, unreadable);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasParameters(HttpServletRequest request) {
        return request.getQueryString() != null
                || MediaType.APPLICATION_FORM_URLENCODED_VALUE.equalsIgnoreCase(baseType(request.getContentType()));
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, RuntimeException unreadable)
            throws IOException {
        HttpStatus status = tooLarge(unreadable) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        log.warn("{} {} {}: {}", status.value(), request.getMethod(), shorten(request.getRequestURI()),
                reason(unreadable));
        request.setAttribute(REFUSED, Boolean.TRUE);
        response.sendError(status.value());
    }

    /** Tomcat says which with an error code (413 for a form larger than {@code server.tomcat.max-http-form-post-size}). */
    private static boolean tooLarge(RuntimeException unreadable) {
        return unreadable instanceof InvalidParameterException invalid
                && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
    }

    /** The first sentence only: the rest of Tomcat's message quotes the parameter, which may be a secret. */
    private static String reason(RuntimeException unreadable) {
        String message = String.valueOf(unreadable.getMessage());
        int end = message.indexOf(". ");
        return shorten(end < 0 ? message : message.substring(0, end + 1));
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST_LOGGED ? text : text.substring(0, LONGEST_LOGGED) + "…";
    }

    /** For the error page of a refused request: its parameters could not be read, so it has none. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.emptyMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
