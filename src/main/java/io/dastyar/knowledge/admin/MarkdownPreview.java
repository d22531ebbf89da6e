package io.dastyar.knowledge.admin;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The editor's preview of an answer. Raw HTML in the Markdown is escaped and link and image addresses are
 * sanitised ({@code javascript:} and the like dropped), so the output is safe to insert into the page as HTML.
 */
final class MarkdownPreview {

    // Both are immutable and documented as thread-safe.
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownPreview() {
    }

    static String toSafeHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
