package io.dastyar.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Text in Telegram's HTML parse mode: {@code <}, {@code >} and {@code &} escaped, and of Markdown (articles) only
 * what Telegram draws: bold, italic, code, pre, links and block quotes; lists become bullet lines. Raw HTML in an
 * article is shown as written, never passed on.
 */
final class TelegramHtml {

    /** Telegram's limit for one message's text, in UTF-16 code units. */
    static final int MAX_MESSAGE = 4096;

    private static final Parser MARKDOWN = Parser.builder().build();

    private TelegramHtml() {
    }

    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                default -> escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    static String fromMarkdown(String markdown) {
        var html = new HtmlWriter();
        MARKDOWN.parse(markdown).accept(html);
        return html.out.toString().strip();
    }

    /**
     * Splits at paragraph boundaries into messages of at most {@code limit} UTF-16 units. Tags never cross a paragraph
     * boundary here; a paragraph too long on its own loses its tags and is cut between words.
     */
    static List<String> split(String html, int limit) {
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        for (String paragraph : html.split("\n\n")) {
            if (paragraph.length() > limit) {
                flush(current, parts);
                parts.addAll(cut(paragraph.replaceAll("<[^>]*>", ""), limit));
                continue;
            }
            if (!current.isEmpty() && current.length() + 2 + paragraph.length() > limit) {
                flush(current, parts);
            }
            current.append(current.isEmpty() ? "" : "\n\n").append(paragraph);
        }
        flush(current, parts);
        return parts.isEmpty() ? List.of(html) : parts;
    }

    private static void flush(StringBuilder current, List<String> parts) {
        if (!current.isEmpty()) {
            parts.add(current.toString());
            current.setLength(0);
        }
    }

    /** Cuts plain (escaped) text between words, never inside an entity or a surrogate pair. */
    private static List<String> cut(String text, int limit) {
        var parts = new ArrayList<String>();
        String rest = text;
        while (rest.length() > limit) {
            int at = Math.max(rest.lastIndexOf(' ', limit), rest.lastIndexOf('\n', limit));
            if (at <= 0) {
                at = limit;
                int amp = rest.lastIndexOf('&', at - 1);
                if (amp >= 0 && amp > at - 8 && rest.indexOf(';', amp) >= at) {
                    at = amp;
                }
                if (Character.isHighSurrogate(rest.charAt(at - 1))) {
                    at--;
                }
            }
            parts.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static final class HtmlWriter extends AbstractVisitor {

        private final StringBuilder out = new StringBuilder();

        @Override
        public void visit(Text text) {
            out.append(escape(text.getLiteral()));
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            out.append(paragraph.getParent() instanceof ListItem ? "\n" : "\n\n");
        }

        @Override
        public void visit(Heading heading) {
            wrap("b", heading);
            out.append("\n\n");
        }

        @Override
        public void visit(StrongEmphasis strong) {
            wrap("b", strong);
        }

        @Override
        public void visit(Emphasis emphasis) {
            wrap("i", emphasis);
        }

        @Override
        public void visit(Code code) {
            out.append("<code>").append(escape(code.getLiteral())).append("</code>");
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append("<pre>").append(escape(code.getLiteral().stripTrailing())).append("</pre>\n\n");
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append("<pre>").append(escape(code.getLiteral().stripTrailing())).append("</pre>\n\n");
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination().toLowerCase(Locale.ROOT);
            if (destination.startsWith("https://") || destination.startsWith("http://")
                    || destination.startsWith("tg://") || destination.startsWith("mailto:")) {
                out.append("<a href=\"").append(escape(link.getDestination()).replace("\"", "&quot;")).append("\">");
                visitChildren(link);
                out.append("</a>");
            } else {
                visitChildren(link);
            }
        }

        @Override
        public void visit(BulletList list) {
            visitChildren(list);
            out.append("\n");
        }

        @Override
        public void visit(OrderedList list) {
            visitChildren(list);
            out.append("\n");
        }

        @Override
        public void visit(ListItem item) {
            if (item.getParent() instanceof OrderedList ordered) {
                int number = (ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber())
                        + position(item);
                out.append(number).append(". ");
            } else {
                out.append("• ");
            }
            visitChildren(item);
        }

        @Override
        public void visit(BlockQuote quote) {
            out.append("<blockquote>");
            int start = out.length();
            visitChildren(quote);
            String inner = out.substring(start).strip();
            out.setLength(start);
            out.append(inner).append("</blockquote>\n\n");
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append("\n");
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append("\n");
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            out.append("\n");
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(escape(html.getLiteral()));
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(escape(html.getLiteral().strip())).append("\n\n");
        }

        private void wrap(String tag, Node node) {
            out.append('<').append(tag).append('>');
            visitChildren(node);
            out.append("</").append(tag).append('>');
        }

        private static int position(Node item) {
            int position = 0;
            for (Node previous = item.getPrevious(); previous != null; previous = previous.getPrevious()) {
                position++;
            }
            return position;
        }
    }
}
