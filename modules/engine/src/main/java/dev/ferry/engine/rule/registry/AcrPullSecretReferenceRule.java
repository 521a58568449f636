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
 * Removes references to ACR pull secrets from pod specs and ServiceAccounts: on EKS the node IAM role pulls from
 * ECR, and the ACR credentials would not work there anyway.
 */
public final class AcrPullSecretReferenceRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("acr-pull-secret-references", "ACR pull secret references removed",
            "Removes imagePullSecrets that name ACR credentials from pod specs and ServiceAccounts, since EKS nodes pull from ECR with their IAM role.",
            Edge.REGISTRY, Direction.AKS_TO_EKS);

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
        boolean pullsFromAcr = PodTemplates.containers(object).stream()
                .anyMatch(c -> AcrImage.parse(c.image()).isPresent())
                || object.kind().equals("ServiceAccount");
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        List<String> removed = new ArrayList<>();
        for (JsonNode reference : references) {
            String name = reference.path("name").asText();
            if (PullSecrets.refersToAcr(name, object.namespace(), context.estate(), pullsFromAcr)) {
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
        change.summary("ACR pull secret " + String.join(", ", removed) + " no longer referenced")
                .rationale("EDGES.md §5.2–5.3: EKS nodes pull from ECR with the node IAM role "
                        + "(AmazonEC2ContainerRegistryPullOnly), so imagePullSecrets for ACR are dropped. ECR tokens "
                        + "expire after 12 hours, so a pull secret for ECR would need a refresher anyway.");
    }
}
