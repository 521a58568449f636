package dev.ferry.plan.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Edge;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.review.ReviewStatus;
import dev.ferry.plan.review.ReviewedChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ServiceAccount → cloud identity → trust, for every ServiceAccount the identity edge touches: read from the source and
 * proposed annotations and from the identity artifacts (IAM trust policies, Pod Identity associations, the
 * managed-identity script).
 */
final class IdentityTable {

    static final String WORKLOAD_ID_CLIENT = "azure.workload.identity/client-id";
    static final String IRSA_ROLE = "eks.amazonaws.com/role-arn";
    private static final String POD_IDENTITY_ASSOCIATIONS = "identity/pod-identity-associations.json";
    private static final String WORKLOAD_ID_SCRIPT = "identity/create-workload-identities.sh";
    private static final String WORKLOAD_ID_HINTS = "identity/role-assignment-hints.md";

    private final ReportInput input;
    private final Map<String, String> podIdentityRoles = new HashMap<>();

    IdentityTable(ReportInput input) {
        this.input = input;
        String associations = input.artifacts().get(POD_IDENTITY_ASSOCIATIONS);
        if (associations != null) {
            try {
                for (JsonNode association : Yaml.parse(associations)) {
                    podIdentityRoles.put(association.path("namespace").asText() + "/"
                            + association.path("serviceAccount").asText(), association.path("roleArn").asText());
                }
            } catch (RuntimeException e) {
                // an unreadable artifact leaves the column to the annotations; the bundle digest names a tampered file
            }
        }
    }

    List<ReportModel.IdentityRow> rows() {
        Map<ResourceKey, List<ReviewedChange>> bySa = new LinkedHashMap<>();
        for (ReviewedChange change : input.changes()) {
            ResourceKey key = change.change().resource();
            if (change.change().edge() == Edge.IDENTITY && key.isKind("", "ServiceAccount")) {
                bySa.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
            }
        }
        List<ReportModel.IdentityRow> rows = new ArrayList<>();
        bySa.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(row(e.getKey(), e.getValue())));
        return rows;
    }

    private ReportModel.IdentityRow row(ResourceKey key, List<ReviewedChange> changes) {
        String ref = key.namespace() + "/" + key.name();
        Map<String, String> before = annotations(input.sourceObjects().get(key));
        Map<String, String> after = annotations(input.proposedObjects().get(key));
        String sourceIdentity = before.containsKey(WORKLOAD_ID_CLIENT)
                ? "Workload ID, client id " + before.get(WORKLOAD_ID_CLIENT)
                : before.containsKey(IRSA_ROLE) ? "IRSA role " + before.get(IRSA_ROLE) : "";
        List<String> artifacts = new ArrayList<>();
        String target;
        String trust;
        if (input.direction() == dev.ferry.engine.Direction.AKS_TO_EKS) {
            String roleArn = Optional.ofNullable(after.get(IRSA_ROLE)).orElse(podIdentityRoles.getOrDefault(ref, ""));
            boolean podIdentity = !after.containsKey(IRSA_ROLE) && podIdentityRoles.containsKey(ref);
            target = roleArn.isEmpty() ? "" : "IAM role " + roleArn + (podIdentity ? " (Pod Identity)" : " (IRSA)");
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            String trustPath = "iam/" + roleName + "-trust.json";
            trust = roleArn.isEmpty() ? "" : trust(trustPath, ref, podIdentity);
            addIfPresent(artifacts, trustPath);
            addIfPresent(artifacts, "iam/" + roleName + "-permissions-hint.md");
            if (podIdentity) {
                addIfPresent(artifacts, POD_IDENTITY_ASSOCIATIONS);
            }
        } else {
            String clientId = after.getOrDefault(WORKLOAD_ID_CLIENT, "");
            target = clientId.isEmpty() ? "managed identity to create" : "managed identity, client id " + clientId;
            trust = "federated credential: issuer = the AKS OIDC issuer, subject system:serviceaccount:" + key.namespace()
                    + ":" + key.name() + ", audience api://AzureADTokenExchange";
            addIfPresent(artifacts, WORKLOAD_ID_SCRIPT);
            addIfPresent(artifacts, WORKLOAD_ID_HINTS);
        }
        return new ReportModel.IdentityRow(ref, sourceIdentity, target, trust, artifacts, status(changes));
    }

    private String trust(String trustPath, String ref, boolean podIdentity) {
        String policy = input.artifacts().get(trustPath);
        if (podIdentity) {
            return "pods.eks.amazonaws.com may assume it (Pod Identity association for " + ref + ")";
        }
        if (policy == null) {
            return "IRSA trust policy: the cluster's OIDC provider for system:serviceaccount:" + ref.replace('/', ':');
        }
        try {
            JsonNode statement = Yaml.parse(policy).path("Statement").path(0);
            String provider = statement.path("Principal").path("Federated").asText();
            provider = provider.substring(provider.indexOf("oidc-provider/") < 0 ? 0
                    : provider.indexOf("oidc-provider/") + "oidc-provider/".length());
            return "IRSA: OIDC provider " + provider + " may assume it for system:serviceaccount:" + ref.replace('/', ':');
        } catch (RuntimeException e) {
            return "IRSA trust policy in artifacts/" + trustPath;
        }
    }

    private void addIfPresent(List<String> artifacts, String path) {
        if (input.artifacts().containsKey(path) && !artifacts.contains(path)) {
            artifacts.add(path);
        }
    }

    private static Map<String, String> annotations(KubeObject object) {
        return object == null ? Map.of() : object.annotations();
    }

    /** The state that needs most attention: changed since approved, pending, rejected, then approved. */
    static String status(List<ReviewedChange> changes) {
        ReviewStatus worst = ReviewStatus.APPROVED;
        for (ReviewedChange change : changes) {
            if (rank(change.status()) > rank(worst)) {
                worst = change.status();
            }
        }
        return worst.label();
    }

    private static int rank(ReviewStatus status) {
        return switch (status) {
            case APPROVED -> 0;
            case REJECTED -> 1;
            case PENDING -> 2;
            case CHANGED_SINCE_DECIDED -> 3;
        };
    }
}
