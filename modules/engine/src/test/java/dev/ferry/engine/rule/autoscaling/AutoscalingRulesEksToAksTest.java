package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The EKS → AKS autoscaling catalogue over the real Karpenter manifests of the EKS workshop and Karpenter's tests. */
class AutoscalingRulesEksToAksTest {

    private static final List<String> FILES = List.of(
            "aws-samples__eks-workshop-v2/manifests/modules/autoscaling/compute/karpenter/nodepool/nodepool.yaml",
            "aws-samples__eks-workshop-v2/manifests/modules/autoscaling/compute/karpenter/nodepool/nodeclass.yaml",
            "aws__karpenter-provider-aws/test/pkg/environment/aws/default_nodepool.yaml",
            "aws__karpenter-provider-aws/test/pkg/environment/aws/default_ec2nodeclass.yaml");

    @Test
    void catalogueRulesAreEksToAksAutoscalingRules() {
        assertThat(AutoscalingRules.eksToAks()).extracting(r -> r.info().id()).doesNotHaveDuplicates();
        assertThat(AutoscalingRules.eksToAks()).allSatisfy(r -> {
            assertThat(r.info().edge()).isEqualTo(Edge.AUTOSCALING);
            assertThat(r.info().direction()).isEqualTo(Direction.EKS_TO_AKS);
        });
    }

    @Test
    void nodePoolsModeReplacesKarpenterWithNodePoolCommands() throws IOException {
        for (String file : FILES.subList(0, 2)) {
            Proposal proposal = run(List.of(corpus(file)), RuleHarness.EKS_TO_AKS_SETTINGS);
            assertThat(proposal.conflicts()).isEmpty();
            assertThat(proposal.problems()).isEmpty();
            assertThat(proposal.proposed()).noneMatch(o -> o.apiVersion().startsWith("karpenter"));
            assertIdempotent(proposal, RuleHarness.EKS_TO_AKS_SETTINGS);
        }
        Proposal both = run(FILES.subList(0, 2).stream().map(AutoscalingRulesEksToAksTest::corpus).toList(),
                RuleHarness.EKS_TO_AKS_SETTINGS);
        String script = both.artifacts().stream().filter(a -> a.path().equals(KarpenterNodePoolToAksNodePoolRule.ARTIFACT))
                .findFirst().orElseThrow().content();
        assertThat(script).contains("--name default").contains("--node-vm-size Standard_F2s_v2")
                .contains("--max-count 500").contains("--labels type=karpenter");
    }

    @Test
    void napModeProducesSchemaValidNodePoolsAndNodeClasses() throws IOException {
        Path crds = corpus("crds");
        CrdSchemaValidator nodePools = CrdSchemaValidator.load(
                crds.resolve("aws__karpenter-provider-aws/pkg/apis/crds/karpenter.sh_nodepools.yaml"), "v1");
        CrdSchemaValidator nodeClasses = CrdSchemaValidator.load(
                crds.resolve("Azure__karpenter-provider-azure/pkg/apis/crds/karpenter.azure.com_aksnodeclasses.yaml"),
                "v1beta1");
        String settings = RuleHarness.EKS_TO_AKS_SETTINGS + "autoscaling: {mode: nap}\n";
        for (List<String> pair : List.of(FILES.subList(0, 2), FILES.subList(2, 4))) {
            Proposal proposal = run(pair.stream().map(AutoscalingRulesEksToAksTest::corpus).toList(), settings);
            assertThat(proposal.conflicts()).isEmpty();
            List<KubeObject> karpenter = proposal.proposed().stream()
                    .filter(o -> o.kind().equals("NodePool") || o.kind().equals("AKSNodeClass")).toList();
            assertThat(karpenter).extracting(KubeObject::kind).containsExactlyInAnyOrder("NodePool", "AKSNodeClass");
            for (KubeObject object : karpenter) {
                CrdSchemaValidator validator = object.kind().equals("NodePool") ? nodePools : nodeClasses;
                assertThat(validator.validate(object.body())).as("schema errors of %s", object).isEmpty();
                assertThat(Yaml.write(object.body())).doesNotContain("karpenter.k8s.aws");
            }
            assertIdempotent(proposal, settings);
        }
    }

    private static Path corpus(String relative) {
        Path path = Path.of(System.getProperty("ferry.corpus", "/nonexistent")).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "corpus not present: " + path);
        return path;
    }

    private static Proposal run(List<Path> files, String settings) {
        return run(new Sanitizer().sanitize(new ManifestReader().read(files).objects()), settings);
    }

    private static Proposal run(SanitizedEstate estate, String settings) {
        return new RuleRunner(AutoscalingRules.eksToAks()).run(estate, MigrationSettings.of(Yaml.parse(settings)));
    }

    private static void assertIdempotent(Proposal first, String settings) {
        Proposal second = run(new SanitizedEstate(first.proposed(), List.of(), List.of(), List.of()), settings);
        assertThat(second.changes().stream().filter(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty())
                .map(c -> c.rule() + " " + c.resource() + " " + c.patch()))
                .as("catalogue run over its own output").isEmpty();
    }
}
