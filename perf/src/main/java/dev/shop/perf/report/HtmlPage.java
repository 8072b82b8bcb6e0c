package dev.shop.perf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** A plain, self-styled HTML report page, built top to bottom. Every text is escaped. */
public final class HtmlPage {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage image(String file, String alt) {
        body.append("<p><img src=\"").append(escape(file)).append("\" alt=\"").append(escape(alt)).append("\"></p>\n");
        return this;
    }

    /** A table; cells that look numeric are right-aligned. */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                boolean numeric = cell != null && cell.matches("[-+$]?[0-9][0-9,.]*(e-?[0-9]+)?[x%]?( ms| s|/s)?");
                body.append(numeric ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public void write(Path file) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
                th { background: #f3f3f3; text-align: left; }
                td.n { text-align: right; font-variant-numeric: tabular-nums; }
                .note { color: #555; font-size: 0.9em; }
                img { max-width: 100%%; }
                </style></head><body>
                %s</body></html>
                """.formatted(escape(title), body);
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
