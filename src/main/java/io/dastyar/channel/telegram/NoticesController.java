package io.dastyar.channel.telegram;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.ULocale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.dastyar.system.Language;

/**
 * The admin page for proactive notices to Telegram subscribers (/admin/** is for admins): write one for a language,
 * send it, and follow it, recipient by recipient, as the outbound queue delivers it.
 */
@Controller
@TelegramOn
@RequestMapping("/admin/telegram/notices")
class NoticesController {

    /** Recipients listed on a notice's page; the counts cover all of them. */
    static final int RECIPIENTS_SHOWN = 500;
    private static final int NOTICES_SHOWN = 50;

    /** What the admin writes: plain text, at most one Telegram message (4,096 characters as Telegram counts them). */
    record NoticeForm(@NotNull @Nullable Language language,
                      @NotBlank @Size(max = TelegramHtml.MAX_MESSAGE) @Nullable String text) {
    }

    private final TelegramNotices notices;
    private final Clock clock;

    NoticesController(TelegramNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /** Dates as the page's reader expects them: the Persian calendar in Persian, the Hijri one in Arabic. */
    record Dates(ULocale locale, ZoneId zone) {

        static Dates of(Locale page, ZoneId zone) {
            Language language = Language.fromTag(page.toLanguageTag()).orElse(Language.EN);
            String calendar = switch (language) {
                case FA -> "persian";
                case AR -> "islamic-umalqura";
                default -> "gregorian";
            };
            return new Dates(ULocale.forLocale(language.locale()).setKeywordValue("calendar", calendar), zone);
        }

        public String format(Instant instant) {
            var format = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, locale);
            format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(zone.getId()));
            return format.format(Date.from(instant));
        }
    }

    @GetMapping
    String list(Model model, Locale locale) {
        model.addAttribute("notice", new NoticeForm(Language.EN, ""));
        return page(model, locale);
    }

    @PostMapping
    String send(@Validated @ModelAttribute("notice") NoticeForm notice, BindingResult errors, Model model,
                Principal admin, Locale locale) {
        if (errors.hasErrors() || notice.language() == null || notice.text() == null) {
            return page(model, locale);
        }
        long id = notices.send(notice.language(), notice.text().strip(), admin.getName(), clock.instant());
        return "redirect:/admin/telegram/notices/" + id;
    }

    @GetMapping("/{id}")
    String progress(@PathVariable long id, Model model, Locale locale, HttpServletResponse response) {
        var notice = notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!notice.finished()) {
            // The page follows the queue by reloading itself until every recipient has a result (no script needed).
            response.setHeader("Refresh", "3");
        }
        model.addAttribute("sent", notice);
        model.addAttribute("recipients", notices.recipients(id, RECIPIENTS_SHOWN));
        model.addAttribute("shownLimit", RECIPIENTS_SHOWN);
        model.addAttribute("dates", Dates.of(locale, clock.getZone()));
        return "admin/telegram-notice";
    }

    private String page(Model model, Locale locale) {
        model.addAttribute("languages", Language.values());
        model.addAttribute("dates", Dates.of(locale, clock.getZone()));
        model.addAttribute("notices", notices.recent(NOTICES_SHOWN));
        return "admin/telegram-notices";
    }
}
