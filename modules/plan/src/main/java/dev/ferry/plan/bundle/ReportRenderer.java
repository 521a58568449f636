package dev.ferry.plan.bundle;

/**
 * Renders {@code report.md} for a bundle being written. The bundle package only asks for the text, so the report
 * (which reads review state) can depend on bundles without bundles depending on it.
 */
@FunctionalInterface
public interface ReportRenderer {

    /** @param bundleName the bundle's folder name, as the runbook's commands name it */
    String render(BundleContent content, String bundleName);
}
