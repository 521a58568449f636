package dev.ferry.engine.rule.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes one AKS-only label from a workload: from its pod template, from its own metadata and from its selector. The
 * label stays where removing it would leave a selector empty or where a Service in the namespace selects on it,
 * because keeping a label without a webhook to read it is harmless and breaking a selector is not.
 */
final class PodLabelRemoval {

    /** The pointers to remove, or why the label must stay. */
    record Plan(List<String> removals, Optional<String> keptBecause) {
    }

    private PodLabelRemoval() {
    }

    static Plan plan(KubeObject object, String label, EstateView estate) {
        Optional<String> templateMeta = PodTemplates.metadataPointer(object);
        if (templateMeta.isEmpty()) {
            return new Plan(List.of(), Optional.empty());
        }
        String templateLabel = Pointer.child(templateMeta.get(), "labels", label);
        if (object.at(templateLabel).isMissingNode()) {
            return new Plan(List.of(), Optional.empty());
        }
        // Outside the default namespace only that namespace's Services can match; look them up, not every Service.
        String namespace = IdentitySettings.namespaceOrDefault(object.namespace());
        List<KubeObject> services = namespace.equals("default") ? estate.ofKind("Service")
                : estate.ofKind("Service", namespace);
        Optional<String> service = services.stream()
                .filter(s -> IdentitySettings.namespaceOrDefault(s.namespace())
                        .equals(IdentitySettings.namespaceOrDefault(object.namespace())))
                .filter(s -> s.at("/spec/selector").has(label))
                .map(KubeObject::name)
                .findFirst();
        if (service.isPresent()) {
            return new Plan(List.of(), Optional.of("Service `" + service.get() + "` selects pods by it"));
        }
        String selector = selectorMap(object);
        List<String> removals = new ArrayList<>();
        if (selector != null && object.at(selector).has(label)) {
            JsonNode map = object.at(selector);
            boolean expressions = object.at("/spec/selector/matchExpressions").size() > 0;
            if (map.size() == 1 && !expressions) {
                return new Plan(List.of(), Optional.of("it is the only label of the workload's selector"));
            }
            removals.add(Pointer.child(selector, label));
        }
        removals.add(templateLabel);
        String ownLabel = Pointer.of("metadata", "labels", label);
        if (!ownLabel.equals(templateLabel) && !object.at(ownLabel).isMissingNode()) {
            removals.add(ownLabel);
        }
        return new Plan(removals, Optional.empty());
    }

    /** The selector's label map: {@code spec.selector.matchLabels}, or {@code spec.selector} of a controller. */
    private static String selectorMap(KubeObject object) {
        return switch (object.kind()) {
            case "Pod", "CronJob" -> null;
            case "ReplicationController" -> "/spec/selector";
            default -> "/spec/selector/matchLabels";
        };
    }
}
