package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.AAD_GROUP;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drops the objects of the deprecated aad-pod-identity ({@code AzureIdentity}, {@code AzureIdentityBinding},
 * {@code AzurePodIdentityException}, {@code AzureAssignedIdentity}, group {@code aadpodidentity.k8s.io}): EKS has no
 * such CRDs. The rationale names the identity and the ServiceAccount that replaces each binding; secret references
 * of service-principal identities are named, never read.
 */
public final class AadPodIdentityDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aad-pod-identity-drop",
            "Drop aad-pod-identity objects",
            "Drops the aad-pod-identity custom resources, which IRSA or EKS Pod Identity replace.",
            Edge.IDENTITY, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.key().group().equals(AAD_GROUP)) {
            return;
        }
        switch (object.kind()) {
            case "AzureIdentity" -> dropIdentity(object, context, output);
            case "AzureIdentityBinding" -> dropBinding(object, context, output);
            case "AzurePodIdentityException" -> output.drop(object,
                    "Drop AzurePodIdentityException " + object.name(),
                    "EDGES.md §1.4/§10.4: the exception let pods labelled " + object.at("/spec/podLabels")
                            + " bypass the NMI and call the Azure instance metadata service directly; EKS has no NMI "
                            + "to bypass.",
                    Finding.warning("Pods labelled " + object.at("/spec/podLabels") + " called instance metadata "
                            + "directly. On EKS that endpoint hands out the node's IAM role: give these pods their own "
                            + "role (IRSA / Pod Identity) and keep IMDSv2 with hop limit 1 so pods cannot reach the "
                            + "node role."));
            case "AzureAssignedIdentity" -> output.drop(object, "Drop AzureAssignedIdentity " + object.name(),
                    "EDGES.md §1.4: a runtime record written by the aad-pod-identity controller; never authored.");
            default -> {
                // other kinds of the group (AzurePodIdentity...) carry nothing to translate
            }
        }
    }

    private static void dropIdentity(KubeObject identity, RuleContext context, RuleOutput output) {
        String bindings = context.estate().ofKind("AzureIdentityBinding").stream()
                .filter(b -> b.isKind(AAD_GROUP, "AzureIdentityBinding"))
                .filter(b -> b.at("/spec/azureIdentity").asText("").equals(identity.name()))
                .filter(b -> AadBindings.identity(context.estate(), b).map(identity::equals).orElse(false))
                .map(b -> "`" + AadBindings.ref(b) + "`").collect(Collectors.joining(", "));
        String rationale = "EDGES.md §1.4/§1.9: " + AadBindings.describe(identity) + " becomes an IAM role, assumed "
                + "through the ServiceAccount generated for each of its bindings"
                + (bindings.isEmpty() ? "" : " (" + bindings + ")") + ". aad-pod-identity is deprecated and has no "
                + "EKS counterpart.";
        Finding[] findings = secretReference(identity)
                .map(secret -> new Finding[] {Finding.info("Secret `" + secret + "` holds this service principal's "
                        + "credential for aad-pod-identity; EKS does not need it: leave it out of the migration and "
                        + "retire the credential after cutover.")})
                .orElse(new Finding[0]);
        if (bindings.isEmpty()) {
            findings = append(findings, Finding.warning("No AzureIdentityBinding uses " + AadBindings.describe(identity)
                    + ", so no pod used it and no IAM role was planned for it."));
        }
        output.drop(identity, "Drop AzureIdentity " + identity.name(), rationale, findings);
    }

    private static void dropBinding(KubeObject binding, RuleContext context, RuleOutput output) {
        String selector = AadBindings.selector(binding);
        Optional<AadBindings.DerivedAccount> account = AadBindings.of(context)
                .forWorkload(binding.namespace(), selector);
        String replacement = account.map(a -> "ServiceAccount `" + IdentitySettings.namespaceOrDefault(a.namespace())
                + "/" + a.name() + "`, which pods labelled `aadpodidbinding: " + selector + "` now use").orElse("");
        if (replacement.isEmpty()) {
            output.drop(binding, "Drop AzureIdentityBinding " + binding.name(),
                    "EDGES.md §1.4: the binding has no `spec.selector`, so no pod used it.",
                    Finding.warning("AzureIdentityBinding `" + AadBindings.ref(binding) + "` has no selector; no "
                            + "ServiceAccount or IAM role was planned for it."));
            return;
        }
        output.drop(binding, "Drop AzureIdentityBinding " + binding.name(),
                "EDGES.md §1.4/§1.9: the binding is replaced by " + replacement
                        + ", with an IAM role for AzureIdentity `"
                        + binding.at("/spec/azureIdentity").asText("") + "`.");
    }

    /** The {@code clientPassword} SecretReference as {@code namespace/name}; its contents are never read. */
    private static Optional<String> secretReference(KubeObject identity) {
        String name = identity.at("/spec/clientPassword/name").asText("");
        if (name.isBlank()) {
            return Optional.empty();
        }
        String namespace = identity.at("/spec/clientPassword/namespace").asText("");
        return Optional.of(namespace.isBlank() ? name : namespace + "/" + name);
    }

    private static Finding[] append(Finding[] findings, Finding finding) {
        Finding[] longer = java.util.Arrays.copyOf(findings, findings.length + 1);
        longer[findings.length] = finding;
        return longer;
    }
}
