package dev.ferry.engine.rule.registry;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.engine.rule.RuleInfo;

/**
 * Removes references to ECR pull secrets from pod specs and ServiceAccounts: on AKS the kubelet identity pulls from
 * the attached ACR, and ECR tokens (valid 12 hours) would not open ACR anyway.
 */
public final class EcrPullSecretReferenceRule extends PullSecretReferenceRemoval {

    static final RuleInfo INFO = RuleInfo.of("ecr-pull-secret-references", "ECR pull secret references removed",
            "Removes imagePullSecrets that name ECR credentials from pod specs and ServiceAccounts, since AKS nodes pull from the attached ACR with the kubelet identity.",
            Edge.REGISTRY, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    String registry() {
        return "ECR";
    }

    @Override
    boolean isSourceImage(String image) {
        return EcrImage.parse(image).isPresent();
    }

    @Override
    boolean refersToSourceRegistry(String secret, String namespace, EstateView estate, boolean pullsFromIt) {
        return EcrPullSecrets.refersToEcr(secret, namespace, estate, pullsFromIt);
    }

    @Override
    String rationale() {
        return "EDGES.md §5.2–5.3: AKS nodes pull from ACR with the kubelet managed identity once the "
                + "registry is attached (`az aks update --attach-acr`), so imagePullSecrets for ECR are "
                + "dropped; ECR tokens expire after 12 hours and grant nothing on ACR.";
    }
}
