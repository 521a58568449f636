package dev.ferry.engine.rule.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes references to ECR pull secrets from pod specs and ServiceAccounts: on AKS the kubelet identity pulls from
 * the attached ACR, and ECR tokens (valid 12 hours) would not open ACR anyway.
 */
public final class EcrPullSecretReferenceRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ecr-pull-secret-references", "ECR pull secret references removed",
            "Removes imagePullSecrets that name ECR credentials from pod specs and ServiceAccounts, since AKS nodes pull from the attached ACR with the kubelet identity.",
            Edge.REGISTRY, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> pointer = object.kind().equals("ServiceAccount") && object.key().group().isEmpty()
                ? Optional.of("")
                : PodTemplates.specPointer(object);
        if (pointer.isEmpty()) {
            return;
        }
        String listPointer = pointer.get() + "/imagePullSecrets";
        JsonNode references = object.at(listPointer);
        if (!references.isArray() || references.isEmpty()) {
            return;
        }
        boolean pullsFromEcr = PodTemplates.containers(object).stream()
                .anyMatch(c -> EcrImage.parse(c.image()).isPresent())
                || object.kind().equals("ServiceAccount");
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        List<String> removed = new ArrayList<>();
        for (JsonNode reference : references) {
            String name = reference.path("name").asText();
            if (EcrPullSecrets.refersToEcr(name, object.namespace(), context.estate(), pullsFromEcr)) {
                removed.add(name);
            } else {
                kept.add(reference);
            }
        }
        if (removed.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object);
        if (kept.isEmpty()) {
            change.remove(listPointer);
        } else {
            change.replace(listPointer, kept);
        }
        change.summary("ECR pull secret " + String.join(", ", removed) + " no longer referenced")
                .rationale("EDGES.md §5.2–5.3: AKS nodes pull from ACR with the kubelet managed identity once the "
                        + "registry is attached (`az aks update --attach-acr`), so imagePullSecrets for ECR are "
                        + "dropped; ECR tokens expire after 12 hours and grant nothing on ACR.");
    }
}
