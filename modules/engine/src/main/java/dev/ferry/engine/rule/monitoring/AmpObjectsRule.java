package dev.ferry.engine.rule.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Iterator;

/**
 * Handles Amazon Managed Service for Prometheus in manifests: ACK {@code prometheusservice.services.k8s.aws} objects
 * (workspaces, rule groups, alert manager definitions) are dropped; Prometheus Operator {@code Prometheus} remote
 * writes to AMP are removed; ConfigMaps that remote-write to AMP are reported. Each names the Azure Monitor managed
 * Prometheus replacement (EDGES.md §9, §10.1).
 */
public final class AmpObjectsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("amp-objects-to-azure-monitor", "Amazon Managed Prometheus objects",
            "Drops Amazon Managed Prometheus objects, removes Prometheus remote writes to AMP and reports configurations that write to AMP.",
            Edge.MONITORING, Direction.EKS_TO_AKS);

    static final String AMP_HOST = "aps-workspaces.";
    static final String REPLACEMENT = "On AKS use Azure Monitor managed Prometheus (`az aks update "
            + "--enable-azure-monitor-metrics`, an Azure Monitor workspace, scrape settings in ConfigMaps "
            + "`ama-metrics-settings-configmap` and `ama-metrics-prometheus-config`), or remote-write to the Azure "
            + "Monitor workspace's ingestion endpoint with a managed identity.";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String rationale = "EDGES.md §9: AMP ingestion is signed with SigV4 by an IAM role; nothing on AKS can write "
                + "there, and Azure Monitor managed Prometheus takes its place.";
        if (object.key().group().equals("prometheusservice.services.k8s.aws")) {
            output.drop(object, "Drop Amazon Managed Prometheus " + object.kind() + " `" + object.name() + "`",
                    rationale, Finding.actionRequired(object.kind() + " `" + object.name() + "` managed AMP through "
                            + "ACK. Create the Azure Monitor workspace" + (object.kind().equals("RuleGroupsNamespace")
                            ? " and its Prometheus rule groups (`az alerts-management prometheus-rule-group create`)"
                            : "") + " instead. " + REPLACEMENT));
        } else if (object.isKind("monitoring.coreos.com", "Prometheus")
                || object.isKind("monitoring.coreos.com", "PrometheusAgent")) {
            JsonNode writes = object.at("/spec/remoteWrite");
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            int removed = 0;
            for (JsonNode write : writes) {
                if (write.path("url").asText("").contains(AMP_HOST) || write.has("sigv4")) {
                    removed++;
                } else {
                    kept.add(write);
                }
            }
            if (removed == 0) {
                return;
            }
            RuleOutput.ChangeBuilder change = output.change(object)
                    .summary("Remove remote writes to Amazon Managed Prometheus from " + object.name())
                    .rationale(rationale)
                    .finding(Finding.actionRequired(object.kind() + " `" + object.name() + "` wrote " + removed
                            + " remote write(s) to AMP; they were removed. " + REPLACEMENT));
            if (kept.isEmpty()) {
                change.remove("/spec/remoteWrite");
            } else {
                change.replace("/spec/remoteWrite", kept);
            }
        } else if (object.isKind("", "ConfigMap") && mentionsAmp(object.at("/data"))) {
            output.change(object)
                    .summary("ConfigMap `" + object.name() + "` writes to Amazon Managed Prometheus")
                    .rationale(rationale)
                    .finding(Finding.actionRequired("ConfigMap `" + object.name() + "` holds a remote write to AMP "
                            + "(`" + AMP_HOST + "`): remove it, or point it at an Azure Monitor workspace. "
                            + REPLACEMENT));
        }
    }

    private static boolean mentionsAmp(JsonNode data) {
        for (Iterator<JsonNode> it = data.elements(); it.hasNext(); ) {
            if (it.next().asText("").contains(AMP_HOST)) {
                return true;
            }
        }
        return false;
    }
}
