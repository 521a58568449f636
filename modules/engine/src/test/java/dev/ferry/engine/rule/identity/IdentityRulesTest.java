package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole identity catalogue over real manifests: no conflict, idempotent, no Azure identity construct left. */
class IdentityRulesTest {

    private static final String POD_IDENTITY = """
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: pod-identity}
            """;

    @Test
    void catalogueIsOrderedAksToEksIdentityWithUniqueIds() {
        List<Rule> rules = IdentityRules.aksToEks();
        assertThat(rules).hasSize(13).allSatisfy(rule -> {
            assertThat(rule.info().edge()).isEqualTo(Edge.IDENTITY);
            assertThat(rule.info().direction()).isEqualTo(Direction.AKS_TO_EKS);
        });
        assertThat(rules.stream().map(r -> r.info().id()).distinct()).hasSize(rules.size());
        assertThat(rules.get(0)).isInstanceOf(WorkloadIdentityServiceAccountRule.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"irsa", "pod-identity"})
    void translatesTheAzureIdentityCorpus(String mode) {
        Path corpus = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("Azure__aad-pod-identity")), "corpus not available");
        Path agic = corpus.resolve("Azure__application-gateway-kubernetes-ingress/helm/ingress-azure/tests/snapshots/"
                + "sample-config-workload-identity/ingress-azure/templates");
        ManifestSet set = new ManifestReader().read(List.of(corpus.resolve("Azure__aad-pod-identity"),
                corpus.resolve("Azure__azure-workload-identity"),
                corpus.resolve("Azure-Samples__aks-store-demo/kustomize/overlays/azd"),
                corpus.resolve("Azure__secrets-store-csi-driver-provider-azure/examples/pod-identity"),
                agic.resolve("serviceaccount.yaml"), agic.resolve("deployment.yaml")));
        SanitizedEstate estate = new Sanitizer().sanitize(set.objects());
        MigrationSettings settings = MigrationSettings.of(Yaml.parse(mode.equals("irsa")
                ? RuleHarness.DEFAULT_SETTINGS : POD_IDENTITY));
        RuleRunner runner = new RuleRunner(IdentityRules.aksToEks());

        Proposal proposal = runner.run(estate, settings);

        assertThat(proposal.conflicts()).isEmpty();
        // the corpus holds alternative installs of the same objects; the sanitizer reports those as duplicates
        assertThat(proposal.problems()).allSatisfy(p -> assertThat(p).contains(" is defined in "));
        assertThat(proposal.changes()).extracting(Change::edge).containsOnly(Edge.IDENTITY);
        assertThat(proposal.proposed()).noneMatch(o -> o.apiVersion().startsWith("aadpodidentity.k8s.io/"))
                .noneMatch(o -> o.at("/spec/group").asText("").equals("aadpodidentity.k8s.io"))
                .noneMatch(o -> o.labels().containsKey("azure-workload-identity.io/system"))
                .noneMatch(AzureIdentityComponentsDropRule::isComponent)
                .noneMatch(AzureIdentityComponentsDropRule::isWorkloadIdentityWebhook);
        for (KubeObject object : proposal.proposed()) {
            if (object.isKind("", "ServiceAccount")) {
                assertThat(object.annotations().keySet()).noneMatch(k -> k.startsWith("azure.workload.identity/"));
                assertThat(object.labels()).doesNotContainKey("azure.workload.identity/use");
            }
            PodTemplates.metadataPointer(object).ifPresent(meta -> {
                Map<String, String> labels = stringMap(object, meta + "/labels");
                Map<String, String> annotations = stringMap(object, meta + "/annotations");
                assertThat(labels).as("%s pod labels", object.key())
                        .doesNotContainKeys("azure.workload.identity/use", "aadpodidbinding");
                assertThat(annotations.keySet()).as("%s pod annotations", object.key())
                        .noneMatch(k -> k.startsWith("azure.workload.identity/"));
            });
        }
        // the AGIC ServiceAccount and each aad-pod-identity selector get a role, trust policy and hint
        List<String> paths = proposal.artifacts().stream().map(Artifact::path).toList();
        assertThat(paths).contains("iam/shop-eks-default-release-name-sa-ingress-azure-trust.json",
                "iam/shop-eks-blob-blob-example-permissions-hint.md", "iam/shop-eks-default-demo-trust.json",
                "iam/shop-eks-default-client-principal-pod-binding-trust.json");
        assertThat(paths.contains("identity/pod-identity-associations.json")).isEqualTo(mode.equals("pod-identity"));
        KubeObject blobDeployment = proposal.proposed().stream()
                .filter(o -> o.kind().equals("Deployment") && o.name().equals("demo-blob-deployment")).findFirst()
                .orElseThrow();
        assertThat(blobDeployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("blob-example");
        assertThat(proposal.changes()).filteredOn(c -> c.type() == ChangeType.GENERATE)
                .extracting(c -> c.resource().namespace() + "/" + c.resource().name())
                .contains("blob/blob-example", "/demo", "/client-principal-pod-binding");

        SanitizedEstate again = new SanitizedEstate(proposal.proposed(), List.of(), List.of(), List.of());
        Proposal second = runner.run(again, settings);
        assertThat(second.changes().stream().filter(Change::altersTarget).map(c -> c.rule() + " " + c.resource()))
                .as("second run over the output").isEmpty();
    }

    @Test
    void movesTheAgicChartOffAadPodIdentity() {
        Path chart = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"),
                "Azure__application-gateway-kubernetes-ingress/helm/ingress-azure/tests/snapshots/sample-config/"
                        + "ingress-azure/templates");
        Assumptions.assumeTrue(Files.isDirectory(chart), "corpus not available");
        SanitizedEstate estate = new Sanitizer().sanitize(new ManifestReader().read(List.of(chart)).objects());
        Proposal proposal = new RuleRunner(IdentityRules.aksToEks())
                .run(estate, MigrationSettings.of(Yaml.parse(RuleHarness.DEFAULT_SETTINGS)));

        assertThat(proposal.conflicts()).isEmpty();
        KubeObject deployment = proposal.proposed().stream().filter(o -> o.kind().equals("Deployment")).findFirst()
                .orElseThrow();
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText())
                .isEqualTo("release-name-ingress-azure");
        assertThat(deployment.at("/spec/template/metadata/labels").has("aadpodidbinding")).isFalse();
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "release-name-ingress-azure").findings())
                .anySatisfy(f -> assertThat(f.message())
                        .contains("ran as ServiceAccount `release-name-sa-ingress-azure`"));
        assertThat(proposal.proposed()).noneMatch(o -> o.apiVersion().startsWith("aadpodidentity.k8s.io/"))
                .anyMatch(o -> o.kind().equals("ServiceAccount") && o.name().equals("release-name-ingress-azure")
                        && o.annotations().get("eks.amazonaws.com/role-arn")
                        .equals("arn:aws:iam::111122223333:role/shop-eks-default-release-name-ingress-azure"));
        assertThat(proposal.artifacts()).extracting(Artifact::path)
                .contains("iam/shop-eks-default-release-name-ingress-azure-trust.json");
    }

    private static Map<String, String> stringMap(KubeObject object, String pointer) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        object.at(pointer).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

}
