package io.dastyar.system;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * The bundles' messages, formatted with ICU's MessageFormat rather than the JDK's, for CLDR's plural rules:
 * {@code {0, plural, one {# minute} other {# minutes}}} in English, and all six forms in Arabic. ICU also reads a
 * lone apostrophe as itself ("can't"), and writes numbers in the locale's own digits (Persian, Arabic-Indic).
 * Messages without arguments are returned as written, as Spring does.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

    private record Key(String code, Locale locale) {
    }

    /** Compiled formats; ICU's are not thread-safe, so each is used under its own lock. */
    private final Map<Key, MessageFormat> formats = new ConcurrentHashMap<>();

    @Override
    protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args,
                                                  @Nullable Locale locale) {
        if (code == null) {
            return null;
        }
        Locale target = locale == null ? Locale.getDefault() : locale;
        if (ObjectUtils.isEmpty(args)) {
            return resolveCodeWithoutArguments(code, target);
        }
        Key key = new Key(code, target);
        MessageFormat format = formats.get(key);
        if (format == null) {
            String pattern = resolveCodeWithoutArguments(code, target);
            if (pattern == null) {
                return null;
            }
            format = formats.computeIfAbsent(key, ignored -> new MessageFormat(pattern, ULocale.forLocale(target)));
        }
        Object[] resolved = resolveArguments(args, target);
        synchronized (format) {
            return format.format(resolved);
        }
    }
}
