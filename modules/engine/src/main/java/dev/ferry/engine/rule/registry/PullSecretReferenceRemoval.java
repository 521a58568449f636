package dev.ferry.engine.rule.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes references to the source registry's pull secrets from pod specs and ServiceAccounts, because the target's
 * nodes pull with their cloud identity. The two directions differ only in which images and secrets belong to the
 * source registry and in how they explain it.
 */
abstract class PullSecretReferenceRemoval implements Rule {

    /** The source registry's name in summaries: "ACR", "ECR". */
    abstract String registry();

    abstract boolean isSourceImage(String image);

    abstract boolean refersToSourceRegistry(String secret, String namespace, EstateView estate, boolean pullsFromIt);

    abstract String rationale();

    @Override
    public final void visit(KubeObject object, RuleContext context, RuleOutput output) {
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
        boolean pullsFromIt = PodTemplates.containers(object).stream().anyMatch(c -> isSourceImage(c.image()))
                || object.kind().equals("ServiceAccount");
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        List<String> removed = new ArrayList<>();
        for (JsonNode reference : references) {
            String name = reference.path("name").asText();
            if (refersToSourceRegistry(name, object.namespace(), context.estate(), pullsFromIt)) {
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
        change.summary(registry() + " pull secret " + String.join(", ", removed) + " no longer referenced")
                .rationale(rationale());
    }
}
