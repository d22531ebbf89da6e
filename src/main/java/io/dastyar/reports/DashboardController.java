package io.dastyar.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

import io.dastyar.conversation.channel.Channel;
import io.dastyar.system.Language;

/**
 * The dashboard at {@code /reports} for supervisors and admins; {@code /admin/reports}, where admins look first,
 * sends them there. The page draws its charts from the reports API in the browser (static/reports/dashboard.js),
 * in the staff page's language, with that language's digits and calendar.
 */
@Controller
class DashboardController {

    /** The texts dashboard.js shows, from the staff texts (i18n/staff*.properties). */
    private static final List<String> SCRIPT_TEXTS = List.of("responses", "response-rate", "median", "p90",
            "transfers", "containment-hint", "none", "refused", "as-of", "over", "key", "conversations", "bot",
            "person", "queue", "chart.csat-day", "chart.csat-week", "chart.distribution", "chart.first-response",
            "chart.containment", "chart.queue-hour", "csat", "containment", "queue-wait");

    private final List<String> channels;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    DashboardController(List<Channel> channels, JdbcClient jdbc, MessageSource messages) {
        this.channels = channels.stream().map(Channel::name).sorted().toList();
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String dashboard(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        var texts = new LinkedHashMap<String, String>();
        SCRIPT_TEXTS.forEach(key -> texts.put(key, messages.getMessage("reports." + key, null, locale)));
        model.addAttribute("channels", channels);
        model.addAttribute("languages", List.of(Language.values()).stream().map(Language::tag).toList());
        model.addAttribute("agents", jdbc.sql("SELECT username, display_name FROM handoff_agent ORDER BY display_name")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list());
        // Inside a <script> element nothing is unescaped: "<" is written as \u003c so no text can end it.
        model.addAttribute("texts", json.writeValueAsString(texts).replace("<", "\\u003c"));
        return "reports/dashboard";
    }

    @GetMapping("/admin/reports")
    String fromAdmin() {
        return "redirect:/reports";
    }
}
