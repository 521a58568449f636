package dev.ferry.engine.rule.identity;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The identity edge's rules (EDGES.md §1): Entra Workload ID and aad-pod-identity to IRSA or EKS Pod Identity. */
public final class IdentityRules {

    private IdentityRules() {
    }

    /** AKS → EKS, in the order they run. */
    public static List<Rule> aksToEks() {
        return List.of(
                new WorkloadIdentityServiceAccountRule(),
                new WorkloadIdentityTokenExpirationRule(),
                new WorkloadIdentityPodLabelRule(),
                new SkipContainersAnnotationRule(),
                new PodTokenExpirationRule(),
                new ProxySidecarRule(),
                new AzureSdkEnvRule(),
                new AadPodIdentityDropRule(),
                new AzureIdentityComponentsDropRule(),
                new AadBindingServiceAccountRule(),
                new AadBindingLabelRule(),
                new IamRoleArtifactsRule(),
                new PodIdentityAssociationRule());
    }

    /** EKS → AKS, in the order they run. */
    public static List<Rule> eksToAks() {
        return List.of(
                new IrsaServiceAccountToWorkloadIdRule(),
                new EksTokenExpirationRule(),
                new WorkloadIdentityUseLabelRule(),
                new EksSkipContainersRule(),
                new AwsSdkEnvRule(),
                new AwsPodIdentityObjectsRule(),
                new ManagedIdentityArtifactsRule());
    }
}
