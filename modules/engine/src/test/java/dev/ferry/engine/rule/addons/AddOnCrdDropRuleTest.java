package dev.ferry.engine.rule.addons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleCatalog;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AddOnCrdDropRuleTest {

    private static final String SPC_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: secretproviderclasses.secrets-store.csi.x-k8s.io}
            spec:
              group: secrets-store.csi.x-k8s.io
              names: {kind: SecretProviderClass, plural: secretproviderclasses}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true}]
            """;

    private static final String SPC = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: kv, namespace: shop}
            spec: {provider: azure}
            """;

    private static final String APP_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: carts.shop.example.com}
            spec:
              group: shop.example.com
              names: {kind: Cart, plural: carts}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true}]
            """;

    private static Rule rule(String id) {
        return RuleCatalog.find(id).orElseThrow();
    }

    private static String crd(String name, String group) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %s}
                spec:
                  group: %s
                  names: {kind: Thing, plural: things}
                  scope: Namespaced
                  versions: [{name: v1, served: true, storage: true}]
                """.formatted(name, group);
    }

    @Test
    void leavesTheSecretsStoreCrdToTheTargetsAddOnAndKeepsItsResources() {
        Proposal proposal = RuleHarness.of(rule("aks-add-on-crds-secrets"))
                .rewriteRun(SPC_CRD + "---\n" + SPC + "---\n" + APP_CRD, SPC + "---\n" + APP_CRD);

        Change drop = RuleHarness.changeFor(proposal, "CustomResourceDefinition",
                "secretproviderclasses.secrets-store.csi.x-k8s.io");
        assertThat(drop.type()).isEqualTo(ChangeType.DROP);
        assertThat(drop.edge()).isEqualTo(Edge.SECRETS);
        assertThat(drop.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("installed on the target by its add-on/Helm chart; not carried")
                    .contains("crds.carry");
        });
    }

    @Test
    void dropsTheCrdsOfAnAksManagedAddOnWithAnInfoFinding() {
        Proposal proposal = RuleHarness.of(rule("aks-add-on-crds-monitoring")).rewriteRun(
                crd("podmonitors.azmonitoring.coreos.com", "azmonitoring.coreos.com") + "---\n"
                        + crd("servicemonitors.monitoring.coreos.com", "monitoring.coreos.com"), "");

        assertThat(RuleHarness.changeFor(proposal, "CustomResourceDefinition", "podmonitors.azmonitoring.coreos.com")
                .findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(RuleHarness.changeFor(proposal, "CustomResourceDefinition",
                "servicemonitors.monitoring.coreos.com").findings()).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void eachEdgesRuleDropsOnlyItsOwnAddOns() {
        String estate = crd("certificates.cert-manager.io", "cert-manager.io") + "---\n"
                + crd("scaledobjects.keda.sh", "keda.sh") + "---\n"
                + crd("volumesnapshots.snapshot.storage.k8s.io", "snapshot.storage.k8s.io") + "---\n"
                + crd("ciliumnetworkpolicies.cilium.io", "cilium.io");

        assertThat(dropped(RuleHarness.of(rule("aks-add-on-crds-ingress")).run(estate)))
                .containsExactly("certificates.cert-manager.io");
        assertThat(dropped(RuleHarness.of(rule("aks-add-on-crds-autoscaling")).run(estate)))
                .containsExactly("scaledobjects.keda.sh");
        assertThat(dropped(RuleHarness.of(rule("aks-add-on-crds-storage")).run(estate)))
                .containsExactly("volumesnapshots.snapshot.storage.k8s.io");
        assertThat(dropped(RuleHarness.of(rule("aks-add-on-crds-networking")).run(estate)))
                .containsExactly("ciliumnetworkpolicies.cilium.io");
    }

    @Test
    void carriesTheWorkloadsOwnCrdsAndCrdsOfTheOtherCloudsAddOns() {
        RuleHarness.of(rule("aks-add-on-crds-ingress")).rewriteRun(APP_CRD + "---\n"
                + crd("targetgroupbindings.elbv2.k8s.aws", "elbv2.k8s.aws"));
        RuleHarness.of(rule("eks-add-on-crds-ingress")).rewriteRun(APP_CRD + "---\n"
                + crd("azureapplicationgatewayrewrites.appgw.ingress.azure.io", "appgw.ingress.azure.io"));
    }

    @Test
    void crdsCarryKeepsANamedCrdOrAWholeGroup() {
        String settings = RuleHarness.DEFAULT_SETTINGS + "crds: {carry: [secretproviderclasses.secrets-store.csi.x-k8s.io, "
                + "keda.sh]}\n";
        RuleHarness.of(rule("aks-add-on-crds-secrets")).settings(settings).rewriteRun(SPC_CRD);
        RuleHarness.of(rule("aks-add-on-crds-autoscaling")).settings(settings)
                .rewriteRun(crd("scaledobjects.keda.sh", "keda.sh"));
        RuleHarness.of(rule("aks-add-on-crds-autoscaling")).settings(settings)
                .rewriteRun(crd("nodepools.karpenter.sh", "karpenter.sh"), "");
    }

    @Test
    void eksToAksLeavesSharedAddOnsToTheTargetAndDropsAwsOnes() {
        Proposal proposal = RuleHarness.of(rule("eks-add-on-crds-ingress")).rewriteRun(
                crd("targetgroupbindings.elbv2.k8s.aws", "elbv2.k8s.aws") + "---\n"
                        + crd("certificates.cert-manager.io", "cert-manager.io") + "---\n" + APP_CRD, APP_CRD);
        assertThat(RuleHarness.changeFor(proposal, "CustomResourceDefinition", "targetgroupbindings.elbv2.k8s.aws")
                .findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("AWS Load Balancer"));

        RuleHarness.of(rule("eks-add-on-crds-secrets")).rewriteRun(SPC_CRD + "---\n" + SPC, SPC);
        RuleHarness.of(rule("eks-add-on-crds-networking")).rewriteRun(
                crd("eniconfigs.crd.k8s.amazonaws.com", "crd.k8s.amazonaws.com"), "");
    }

    @Test
    void aCrdWithoutSpecGroupIsRecognisedByItsName() {
        RuleHarness.of(rule("aks-add-on-crds-secrets")).rewriteRun("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: secretproviderclasspodstatuses.secrets-store.csi.x-k8s.io}
                """, "");
    }

    @Test
    void everyAddOnRuleIsInItsDirectionsCatalogue() {
        assertThat(RuleCatalog.forDirection(Direction.AKS_TO_EKS)).extracting(r -> r.info().id())
                .contains("aks-add-on-crds-secrets", "aks-add-on-crds-monitoring");
        assertThat(RuleCatalog.forDirection(Direction.EKS_TO_AKS)).extracting(r -> r.info().id())
                .contains("eks-add-on-crds-secrets", "eks-add-on-crds-monitoring");
    }

    @Test
    void dropsTheCorpusAddOnCrdsInTheirDirection() throws Exception {
        Path crds = Path.of(System.getProperty("ferry.corpus", "/nonexistent"), "crds");
        Assumptions.assumeTrue(Files.isDirectory(crds), "corpus not present");
        String spc = Files.readString(crds.resolve("kubernetes-sigs__secrets-store-csi-driver/config/crd/bases/"
                + "secrets-store.csi.x-k8s.io_secretproviderclasses.yaml"));
        String tgb = Files.readString(crds.resolve("kubernetes-sigs__aws-load-balancer-controller/config/crd/bases/"
                + "elbv2.k8s.aws_targetgroupbindings.yaml"));
        String aksNodeClass = Files.readString(crds.resolve("Azure__karpenter-provider-azure/pkg/apis/crds/"
                + "karpenter.azure.com_aksnodeclasses.yaml"));

        RuleHarness.of(rule("aks-add-on-crds-secrets")).rewriteRun(spc, "");
        RuleHarness.of(rule("eks-add-on-crds-secrets")).rewriteRun(spc, "");
        RuleHarness.of(rule("eks-add-on-crds-ingress")).rewriteRun(tgb, "");
        RuleHarness.of(rule("aks-add-on-crds-ingress")).rewriteRun(tgb);
        RuleHarness.of(rule("aks-add-on-crds-autoscaling")).rewriteRun(aksNodeClass, "");
        RuleHarness.of(rule("eks-add-on-crds-autoscaling")).rewriteRun(aksNodeClass);
    }

    private static List<String> dropped(Proposal proposal) {
        return proposal.changes().stream().filter(c -> c.type() == ChangeType.DROP).map(c -> c.resource().name())
                .toList();
    }
}
