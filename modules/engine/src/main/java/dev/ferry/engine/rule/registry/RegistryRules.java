package dev.ferry.engine.rule.registry;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The registry edge's rules, in the order they run. */
public final class RegistryRules {

    private RegistryRules() {
    }

    public static List<Rule> aksToEks() {
        return List.of(new AcrImageToEcrRule(), new AcrPullSecretReferenceRule(), new AcrPullSecretDropRule(),
                new ImageCopyListRule());
    }

    /** EKS → AKS, in the order they run. */
    public static List<Rule> eksToAks() {
        return List.of(new EcrImageToAcrRule(), new EcrPullSecretReferenceRule(), new EcrPullSecretDropRule(),
                new EcrImageCopyListRule());
    }
}
