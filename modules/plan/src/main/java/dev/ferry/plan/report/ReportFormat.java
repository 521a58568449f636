package dev.ferry.plan.report;

import java.util.Arrays;
import java.util.Locale;

/** The renderings of the report: {@code md}, {@code html}, {@code json}. */
public enum ReportFormat {
    MD("md"),
    HTML("html"),
    JSON("json");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String render(ReportModel report) {
        return switch (this) {
            case MD -> new MarkdownRenderer().render(report);
            case HTML -> new HtmlRenderer().render(report);
            case JSON -> new JsonRenderer().render(report);
        };
    }

    /** The format for {@code md}, {@code html} or {@code json} (case ignored), or an exception naming those. */
    public static ReportFormat fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format `" + id
                        + "`; use md, html or json"));
    }
}
