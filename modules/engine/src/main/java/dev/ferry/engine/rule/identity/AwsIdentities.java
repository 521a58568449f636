package dev.ferry.engine.rule.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every ServiceAccount that holds an AWS role on EKS and needs an Entra Workload ID identity on AKS (EDGES.md §1.5,
 * §1.7, §1.8, §10.1): ServiceAccounts annotated with {@code eks.amazonaws.com/role-arn} (IRSA), and the EKS Pod
 * Identity associations and IRSA ServiceAccounts described by eksctl {@code ClusterConfig} or ACK
 * {@code PodIdentityAssociation} objects. Built once per run.
 */
final class AwsIdentities {

    static final String AUDIENCE = "eks.amazonaws.com/audience";
    static final String STS_REGIONAL = "eks.amazonaws.com/sts-regional-endpoints";
    static final String CLIENT_IDS = "identity.clientIds";
    static final String TENANT = "azure.tenantId";
    static final String CLIENT_ID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";
    static final String ACK_GROUP = "eks.services.k8s.aws";
    static final String EKSCTL_GROUP = "eksctl.io";

    /**
     * One ServiceAccount and the AWS role it used.
     *
     * @param namespace      namespace, {@code default} when the manifest had none
     * @param serviceAccount ServiceAccount name
     * @param roleArn        role ARN as written (may be a placeholder or empty when eksctl creates the role)
     * @param via            how EKS bound the role (IRSA, Pod Identity through eksctl or ACK)
     * @param policies       what the manifests say about the role's permissions: policy ARNs and actions
     */
    record Target(String namespace, String serviceAccount, String roleArn, String via, List<String> policies) {

        String ref() {
            return namespace + "/" + serviceAccount;
        }

        String subject() {
            return "system:serviceaccount:" + namespace + ":" + serviceAccount;
        }
    }

    private AwsIdentities() {
    }

    static List<Target> of(RuleContext context) {
        return context.memo(AwsIdentities.class, AwsIdentities::build);
    }

    static Optional<Target> find(RuleContext context, String namespace, String serviceAccount) {
        String ns = IdentitySettings.namespaceOrDefault(namespace);
        return of(context).stream().filter(t -> t.namespace().equals(ns) && t.serviceAccount().equals(serviceAccount))
                .findFirst();
    }

    /** The ServiceAccount a workload's pods run as. */
    static String serviceAccountOf(KubeObject workload) {
        JsonNode spec = workload.at(PodTemplates.specPointer(workload).orElse("/spec"));
        String name = spec.path("serviceAccountName").asText("");
        name = name.isBlank() ? spec.path("serviceAccount").asText("") : name;
        return name.isBlank() ? "default" : name;
    }

    /** The client id from {@code identity.clientIds} ({@code namespace/serviceAccount} → client id). */
    static Optional<String> clientId(MigrationSettings settings, Target target) {
        String id = settings.map(CLIENT_IDS).get(target.ref());
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
    }

    private static List<Target> build(RuleContext context) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (KubeObject sa : context.estate().ofKind("ServiceAccount")) {
            String arn = sa.annotations().getOrDefault(AzureIdentityKeys.EKS_ROLE_ARN, "").strip();
            if (sa.key().group().isEmpty() && !arn.isEmpty()) {
                put(targets, new Target(IdentitySettings.namespaceOrDefault(sa.namespace()), sa.name(), arn, "IRSA",
                        List.of()));
            }
        }
        for (KubeObject ack : context.estate().ofKind("PodIdentityAssociation")) {
            if (ack.key().group().equals(ACK_GROUP)) {
                put(targets, new Target(IdentitySettings.namespaceOrDefault(ack.at("/spec/namespace").asText("")),
                        ack.at("/spec/serviceAccount").asText(""), ack.at("/spec/roleARN").asText(""),
                        "EKS Pod Identity (ACK PodIdentityAssociation " + ack.name() + ")", List.of()));
            }
        }
        for (KubeObject config : context.estate().ofKind("ClusterConfig")) {
            if (!config.key().group().equals(EKSCTL_GROUP)) {
                continue;
            }
            for (JsonNode sa : config.at("/iam/serviceAccounts")) {
                put(targets, new Target(IdentitySettings.namespaceOrDefault(sa.at("/metadata/namespace").asText("")),
                        sa.at("/metadata/name").asText(""), sa.path("attachRoleARN").asText(""),
                        "IRSA (eksctl ClusterConfig " + config.name() + ")",
                        policies(sa, "attachPolicyARNs", "attachPolicy")));
            }
            for (JsonNode association : config.at("/iam/podIdentityAssociations")) {
                put(targets, new Target(IdentitySettings.namespaceOrDefault(association.path("namespace").asText("")),
                        association.path("serviceAccountName").asText(""), association.path("roleARN").asText(""),
                        "EKS Pod Identity (eksctl ClusterConfig " + config.name() + ")",
                        policies(association, "permissionPolicyARNs", "permissionPolicy")));
            }
        }
        List<Target> list = new ArrayList<>(targets.values());
        list.removeIf(t -> t.serviceAccount().isBlank());
        list.sort(Comparator.comparing(Target::ref));
        return List.copyOf(list);
    }

    /** The first description of a ServiceAccount wins, but policies found later are added to it. */
    private static void put(Map<String, Target> targets, Target target) {
        Target known = targets.get(target.ref());
        if (known == null) {
            targets.put(target.ref(), target);
        } else if (!target.policies().isEmpty()) {
            List<String> merged = new ArrayList<>(known.policies());
            merged.addAll(target.policies());
            targets.put(target.ref(), new Target(known.namespace(), known.serviceAccount(),
                    known.roleArn().isEmpty() ? target.roleArn() : known.roleArn(), known.via(), List.copyOf(merged)));
        }
    }

    private static List<String> policies(JsonNode entry, String arnsField, String documentField) {
        List<String> found = new ArrayList<>();
        entry.path(arnsField).forEach(arn -> found.add(arn.asText()));
        for (JsonNode statement : entry.path(documentField).path("Statement")) {
            JsonNode actions = statement.path("Action");
            if (actions.isTextual()) {
                found.add(actions.asText());
            }
            actions.forEach(action -> found.add(action.asText()));
        }
        entry.path("wellKnownPolicies").fields().forEachRemaining(e -> {
            if (e.getValue().asBoolean(false)) {
                found.add("wellKnownPolicies." + e.getKey());
            }
        });
        return List.copyOf(found);
    }
}
