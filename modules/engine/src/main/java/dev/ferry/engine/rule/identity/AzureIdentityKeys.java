package dev.ferry.engine.rule.identity;

import java.util.List;

/** Keys of Entra Workload ID, aad-pod-identity and the EKS identity webhook (EDGES.md §1.1, §1.2, §1.4, §1.5). */
final class AzureIdentityKeys {

    static final String WI_PREFIX = "azure.workload.identity/";
    static final String CLIENT_ID = WI_PREFIX + "client-id";
    static final String TENANT_ID = WI_PREFIX + "tenant-id";
    static final String TOKEN_EXPIRATION = WI_PREFIX + "service-account-token-expiration";
    static final String USE_LABEL = WI_PREFIX + "use";
    static final String SKIP_CONTAINERS = WI_PREFIX + "skip-containers";
    static final String INJECT_PROXY_SIDECAR = WI_PREFIX + "inject-proxy-sidecar";
    static final String PROXY_SIDECAR_PORT = WI_PREFIX + "proxy-sidecar-port";

    static final String AAD_GROUP = "aadpodidentity.k8s.io";
    static final String AAD_BINDING_LABEL = "aadpodidbinding";

    static final String EKS_ROLE_ARN = "eks.amazonaws.com/role-arn";
    static final String EKS_TOKEN_EXPIRATION = "eks.amazonaws.com/token-expiration";
    static final String EKS_SKIP_CONTAINERS = "eks.amazonaws.com/skip-containers";

    /** Environment the Workload ID webhook injects; applications reading them are written for Azure. */
    static final List<String> AZURE_SDK_ENV = List.of("AZURE_CLIENT_ID", "AZURE_TENANT_ID",
            "AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST");

    /** EKS projected-token lifetime bounds (EDGES.md §1.5): below 600 is raised, 86400 is the maximum. */
    static final long EKS_MIN_EXPIRATION = 600;
    static final long EKS_MAX_EXPIRATION = 86_400;

    private AzureIdentityKeys() {
    }

    /** Clamps a token lifetime to what EKS accepts. */
    static long clampExpiration(long seconds) {
        return Math.max(EKS_MIN_EXPIRATION, Math.min(EKS_MAX_EXPIRATION, seconds));
    }

    /** Parses an integer number of seconds, or returns -1 when the text is not one. */
    static long seconds(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
