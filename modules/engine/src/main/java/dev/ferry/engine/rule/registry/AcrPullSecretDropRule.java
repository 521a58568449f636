package dev.ferry.engine.rule.registry;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/** Leaves ACR registry credential Secrets behind: they grant nothing on EKS. */
public final class AcrPullSecretDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("acr-pull-secret-drop", "ACR pull secret not carried",
            "Does not carry dockerconfigjson Secrets whose registries are all Azure Container Registries.",
            Edge.REGISTRY, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (object.isKind("", "Secret") && PullSecrets.isAcrPullSecret(object)) {
            output.drop(object, "ACR pull secret not carried",
                    "EDGES.md §5.2–5.3: the credential is for Azure Container Registry and is useless on EKS, where "
                            + "nodes pull from ECR with their IAM role. References to it are removed by "
                            + "acr-pull-secret-references.");
        }
    }
}
