package dev.ferry.engine.rule.registry;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.engine.rule.RuleInfo;

/**
 * Removes references to ACR pull secrets from pod specs and ServiceAccounts: on EKS the node IAM role pulls from
 * ECR, and the ACR credentials would not work there anyway.
 */
public final class AcrPullSecretReferenceRule extends PullSecretReferenceRemoval {

    static final RuleInfo INFO = RuleInfo.of("acr-pull-secret-references", "ACR pull secret references removed",
            "Removes imagePullSecrets that name ACR credentials from pod specs and ServiceAccounts, since EKS nodes pull from ECR with their IAM role.",
            Edge.REGISTRY, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    String registry() {
        return "ACR";
    }

    @Override
    boolean isSourceImage(String image) {
        return AcrImage.parse(image).isPresent();
    }

    @Override
    boolean refersToSourceRegistry(String secret, String namespace, EstateView estate, boolean pullsFromIt) {
        return PullSecrets.refersToAcr(secret, namespace, estate, pullsFromIt);
    }

    @Override
    String rationale() {
        return "EDGES.md §5.2–5.3: EKS nodes pull from ECR with the node IAM role "
                + "(AmazonEC2ContainerRegistryPullOnly), so imagePullSecrets for ACR are dropped. ECR tokens "
                + "expire after 12 hours, so a pull secret for ECR would need a refresher anyway.";
    }
}
