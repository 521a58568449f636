package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AutoscalingRulesTest {

    private static final Path CORPUS = Path.of(System.getProperty("ferry.corpus", "../../../shared/corpus"));

    @Test
    void catalogueListsEveryRuleOnceInRunOrder() {
        assertThat(AutoscalingRules.aksToEks()).extracting(r -> r.info().id()).containsExactly(
                "aks-user-pool-to-karpenter-nodepool", "aks-user-pool-to-ec2nodeclass",
                "aks-system-pool-to-managed-node-group", "aks-nap-nodepool-to-aws", "aks-nodeclass-to-ec2nodeclass",
                "aks-node-selector-to-eks", "aks-node-affinity-to-eks", "aks-spot-toleration-to-karpenter",
                "aks-virtual-node-to-fargate", "cluster-autoscaler-safe-to-evict-to-do-not-disrupt",
                "cluster-autoscaler-status-drop");
        for (Rule rule : AutoscalingRules.aksToEks()) {
            assertThat(rule.info().edge()).isEqualTo(Edge.AUTOSCALING);
            assertThat(rule.info().direction()).isEqualTo(Direction.AKS_TO_EKS);
        }
    }

    @Test
    void translatesKarpenterProviderAzureExamples() throws IOException {
        Path examples = CORPUS.resolve("Azure__karpenter-provider-azure/examples");
        Assumptions.assumeTrue(Files.isDirectory(examples), "corpus not present");
        // perftest.yaml redefines AKSNodeClass/default, so the two v1 pool files are read rather than the folder
        ManifestSet set = new ManifestReader().read(List.of(examples.resolve("v1/general-purpose.yaml"),
                examples.resolve("v1/system-surge.yaml"), examples.resolve("workloads")));
        assertThat(set.objects()).isNotEmpty();
        Proposal proposal = runCatalogue(set.objects());

        assertThat(proposal.problems()).isEmpty();
        assertThat(proposal.conflicts()).isEmpty();
        assertThat(proposal.changes()).flatExtracting(Change::findings)
                .noneMatch(f -> f.message().contains("failed on this object"));
        KubeObject generalPurpose = proposal.proposed().stream()
                .filter(o -> o.kind().equals("NodePool") && o.name().equals("general-purpose")).findFirst().orElseThrow();
        assertThat(generalPurpose.at("/spec/template/spec/nodeClassRef/group").asText()).isEqualTo("karpenter.k8s.aws");
        assertThat(generalPurpose.at("/spec/template/spec/requirements").toString())
                .contains("karpenter.k8s.aws/instance-category").doesNotContain("karpenter.azure.com");
        assertThat(proposal.proposed()).noneMatch(o -> o.kind().equals("AKSNodeClass"))
                .anyMatch(o -> o.kind().equals("EC2NodeClass") && o.name().equals("system-surge"));
        assertThat(proposal.changes()).anyMatch(c -> c.type() == ChangeType.GENERATE
                && c.resource().kind().equals("NodePool") && c.resource().name().equals("web"));

        Proposal again = runCatalogue(proposal.proposed());
        assertThat(again.changes()).as("whole catalogue is idempotent").noneMatch(Change::altersTarget);
    }

    private static Proposal runCatalogue(List<KubeObject> objects) {
        SanitizedEstate estate = new Sanitizer().sanitize(objects);
        SanitizedEstate nodes = new Sanitizer().sanitize(RuleHarness.parse(AksNodes.CLUSTER));
        return new RuleRunner(AutoscalingRules.aksToEks()).run(
                new SanitizedEstate(estate.objects(), estate.excluded(), nodes.nodes(), estate.duplicates()),
                MigrationSettings.of(Yaml.parse(RuleHarness.DEFAULT_SETTINGS)));
    }
}
