package dev.ferry.app.report;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Renders a bundle's {@code report.md} as a small HTML page for the in-app viewer and the browser. */
public final class ReportRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** Raw HTML in the markdown is escaped: a report comes from a bundle someone else may have touched. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .build();

    private ReportRenderer() {
    }

    /** A whole HTML document; {@code dark} picks colours that match the dark theme. */
    public static String html(String markdown, String title, boolean dark) {
        String fg = dark ? "#e6edf3" : "#1f2328";
        String bg = dark ? "#0d1117" : "#ffffff";
        String border = dark ? "#30363d" : "#d0d7de";
        String subtle = dark ? "#161b22" : "#f6f8fa";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;"
                + "color:" + fg + ";background:" + bg + ";margin:24px 32px;max-width:1100px}"
                + "table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid " + border
                + ";padding:4px 10px;text-align:left}th{background:" + subtle + "}"
                + "code{background:" + subtle + ";padding:1px 4px;border-radius:4px}"
                + "pre{background:" + subtle + ";padding:10px;border-radius:6px;overflow:auto}"
                + "h1,h2{border-bottom:1px solid " + border + ";padding-bottom:4px}"
                + "</style></head><body>" + RENDERER.render(PARSER.parse(markdown)) + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
