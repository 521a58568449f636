package dev.ferry.plan.report;

import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.ReportRenderer;

/** {@code report.md} as proposed: what a bundle carries from the moment {@code ferry propose} writes it. */
public final class ProposeReport implements ReportRenderer {

    @Override
    public String render(BundleContent content, String bundleName) {
        return new MarkdownRenderer().render(new ReportBuilder().build(content, bundleName));
    }
}
