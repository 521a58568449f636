package dev.ferry.engine.rule.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Handles OpenTelemetry collectors (ADOT) that export to AWS: X-Ray, CloudWatch EMF or Logs, or Amazon Managed
 * Service for Prometheus through SigV4. A collector that exports only to AWS is dropped; one that also exports
 * elsewhere is kept with an action-required finding naming the AWS exporters to replace (EDGES.md §9). Collectors in
 * {@code amazon-cloudwatch} are left to {@link CloudWatchAgentsDropRule}.
 */
public final class AdotCollectorRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("adot-collector-to-azure-monitor", "ADOT collectors exporting to AWS",
            "Drops OpenTelemetry collectors that export only to AWS and flags AWS exporters in the others, naming the Azure Monitor replacement.",
            Edge.MONITORING, Direction.EKS_TO_AKS);

    static final Set<String> AWS_EXPORTERS = Set.of("awsemf", "awsxray", "awscloudwatchlogs", "awscloudwatch",
            "awss3", "awskinesis");
    static final Set<String> NEUTRAL = Set.of("logging", "debug", "nop");
    static final String REPLACEMENT = "On AKS: CloudWatch EMF / Container Insights → Azure Monitor Container "
            + "Insights; Amazon Managed Prometheus → Azure Monitor managed Prometheus (`ama-metrics`, scrape config in "
            + "ConfigMap `ama-metrics-prometheus-config`) or remote-write to an Azure Monitor workspace; X-Ray → "
            + "Application Insights (Azure Monitor OpenTelemetry distro or the `azuremonitor` exporter).";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("opentelemetry.io", "OpenTelemetryCollector")
                || CloudWatchAgentsDropRule.NAMESPACE.equals(object.namespace())) {
            return;
        }
        JsonNode config = config(object.at("/spec/config"));
        TreeSet<String> aws = new TreeSet<>();
        TreeSet<String> others = new TreeSet<>();
        for (Iterator<String> it = config.path("exporters").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String type = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            JsonNode exporter = config.path("exporters").path(name);
            boolean amp = type.equals("prometheusremotewrite")
                    && (exporter.path("auth").path("authenticator").asText("").startsWith("sigv4auth")
                    || exporter.path("endpoint").asText("").contains("aps-workspaces"));
            if (AWS_EXPORTERS.contains(type) || amp) {
                aws.add(name);
            } else if (!NEUTRAL.contains(type)) {
                others.add(name);
            }
        }
        if (aws.isEmpty()) {
            return;
        }
        String rationale = "EDGES.md §9: these exporters sign requests with the pod's IAM role and write to AWS "
                + "services; on AKS they have no credentials and no destination.";
        if (others.isEmpty()) {
            output.drop(object, "Drop ADOT collector `" + object.name() + "` (exports only to AWS)", rationale,
                    Finding.warning("Collector `" + object.name() + "` exported to AWS only " + aws
                            + " and is not carried. " + REPLACEMENT));
            return;
        }
        output.change(object)
                .summary("ADOT collector `" + object.name() + "` exports to AWS")
                .rationale(rationale)
                .finding(Finding.actionRequired("Collector `" + object.name() + "` also exports to " + others
                        + ", so it was kept; remove or replace its AWS exporters " + aws + " (and the `sigv4auth` "
                        + "extension) from the pipelines. " + REPLACEMENT));
    }

    /** The collector configuration: an object (v1beta1) or a YAML string (v1alpha1). */
    private static JsonNode config(JsonNode raw) {
        if (!raw.isTextual()) {
            return raw;
        }
        try {
            JsonNode parsed = Yaml.yaml().readTree(raw.asText());
            return parsed == null ? raw : parsed;
        } catch (Exception e) {
            return raw;
        }
    }
}
