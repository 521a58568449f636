package dev.ferry.engine.rule.addons;

import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.Rule;
import java.util.List;

/**
 * One add-on CRD rule per edge and direction (every change belongs to one edge): ids
 * {@code aks-add-on-crds-<edge>} and {@code eks-add-on-crds-<edge>}.
 */
public final class AddOnRules {

    private AddOnRules() {
    }

    public static List<Rule> aksToEks() {
        return rules("aks", Direction.AKS_TO_EKS);
    }

    public static List<Rule> eksToAks() {
        return rules("eks", Direction.EKS_TO_AKS);
    }

    private static List<Rule> rules(String source, Direction direction) {
        return AddOnCrdDropRule.edges().stream()
                .<Rule>map(edge -> new AddOnCrdDropRule(source + "-add-on-crds-" + edge.id(), edge, direction))
                .toList();
    }
}
