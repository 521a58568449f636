package dev.ferry.engine.rule.registry;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/** Leaves ECR registry credential Secrets behind: their 12-hour tokens grant nothing on AKS. */
public final class EcrPullSecretDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ecr-pull-secret-drop", "ECR pull secret not carried",
            "Does not carry dockerconfigjson Secrets whose registries are all Amazon ECR registries.",
            Edge.REGISTRY, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (object.isKind("", "Secret") && EcrPullSecrets.isEcrPullSecret(object)) {
            output.drop(object, "ECR pull secret not carried",
                    "EDGES.md §5.2–5.3: the credential is an ECR token (valid 12 hours) and is useless on AKS, where "
                            + "the kubelet identity pulls from the ACR attached with `az aks update --attach-acr`. "
                            + "References to it are removed by ecr-pull-secret-references.",
                    Finding.info("If a CronJob or operator refreshed this ECR token, retire it with the EKS cluster."));
        }
    }
}
