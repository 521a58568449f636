package dev.ferry.engine.rule.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns about workloads that send telemetry to Azure Application Insights: containers with
 * {@code APPLICATIONINSIGHTS_CONNECTION_STRING} or {@code APPINSIGHTS_INSTRUMENTATIONKEY} (or an env value naming the
 * Application Insights endpoint) in their environment, or annotations that mention Application Insights. The
 * workload is left unchanged; it would keep reporting to Azure from AWS.
 */
public final class AppInsightsTelemetryRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("app-insights-telemetry-on-eks", "Application Insights telemetry on EKS",
            "Warns about workloads configured for Azure Application Insights and names the AWS replacements.",
            Edge.MONITORING, Direction.AKS_TO_EKS);

    static final Set<String> ENV_NAMES = Set.of("APPLICATIONINSIGHTS_CONNECTION_STRING",
            "APPINSIGHTS_INSTRUMENTATIONKEY");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!PodTemplates.hasPodSpec(object)) {
            return;
        }
        Set<String> hints = new TreeSet<>();
        for (PodTemplates.ContainerRef container : PodTemplates.containers(object)) {
            for (JsonNode env : container.container().path("env")) {
                if (ENV_NAMES.contains(env.path("name").asText())
                        || mentionsAppInsights(env.path("value").asText(""))) {
                    hints.add("container `" + container.name() + "` env `" + env.path("name").asText() + "`");
                }
            }
        }
        String metadata = PodTemplates.metadataPointer(object).orElseThrow();
        object.at(metadata + "/annotations").fields().forEachRemaining(e -> {
            if (mentionsAppInsights(e.getKey()) || mentionsAppInsights(e.getValue().asText())) {
                hints.add("pod annotation `" + e.getKey() + "`");
            }
        });
        for (Map.Entry<String, String> e : object.annotations().entrySet()) {
            if (mentionsAppInsights(e.getKey()) || mentionsAppInsights(e.getValue())) {
                hints.add("annotation `" + e.getKey() + "`");
            }
        }
        if (hints.isEmpty()) {
            return;
        }
        output.change(object)
                .summary("Review Application Insights telemetry")
                .rationale("EDGES.md §9: Application Insights and the Azure Monitor OpenTelemetry distro correspond "
                        + "to the ADOT add-on (OpenTelemetry) and CloudWatch Application Signals on EKS.")
                .finding(Finding.warning("This workload sends telemetry to Azure Application Insights ("
                        + String.join(", ", hints) + "). From EKS it would keep reporting to Azure across clouds. "
                        + "Decide whether to keep that; otherwise instrument with OpenTelemetry and export through the "
                        + "ADOT collector (EKS add-on `adot`) or enable CloudWatch Application Signals with the "
                        + "`amazon-cloudwatch-observability` add-on, then remove these settings."));
    }

    private static boolean mentionsAppInsights(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("applicationinsights") || lower.contains("appinsights");
    }
}
