package dev.ferry.engine.rule.embedded;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import java.util.List;

/** One embedded-references rule per edge that has constructs worth looking for inside custom resources. */
public final class EmbeddedRules {

    private EmbeddedRules() {
    }

    public static List<Rule> eksToAks() {
        return List.of(
                new EmbeddedReferencesRule("embedded-aws-registry-references", Edge.REGISTRY, Direction.EKS_TO_AKS,
                        List.of("dkr.ecr.")),
                new EmbeddedReferencesRule("embedded-aws-identity-references", Edge.IDENTITY, Direction.EKS_TO_AKS,
                        List.of("eks.amazonaws.com/role-arn")),
                new EmbeddedReferencesRule("embedded-aws-ingress-references", Edge.INGRESS, Direction.EKS_TO_AKS,
                        List.of("alb.ingress.kubernetes.io")),
                new EmbeddedReferencesRule("embedded-aws-load-balancer-references", Edge.LOAD_BALANCER,
                        Direction.EKS_TO_AKS, List.of("service.beta.kubernetes.io/aws-load-balancer")),
                new EmbeddedReferencesRule("embedded-aws-storage-references", Edge.STORAGE, Direction.EKS_TO_AKS,
                        List.of("ebs.csi.aws.com", "efs.csi.aws.com")),
                new EmbeddedReferencesRule("embedded-aws-node-references", Edge.AUTOSCALING, Direction.EKS_TO_AKS,
                        List.of("eks.amazonaws.com/", "karpenter.k8s.aws")));
    }
}
