package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every NodePool and EC2NodeClass the autoscaling rules generate must validate against the Karpenter v1 CRD schemas
 * in the corpus (aws/karpenter-provider-aws). {@link CrdSchemaValidator} checks the structural schema; the CEL rules
 * ({@code x-kubernetes-validations}) Ferry's output could break are checked by hand below.
 */
class KarpenterCrdSchemaTest {

    private static CrdSchemaValidator nodePools;
    private static CrdSchemaValidator nodeClasses;

    /** Pools covering every shape the rules emit: spot, zonal, regional, unknown size, Windows, Arm, GPU, derived. */
    private static final String NODES = AksNodes.CLUSTER
            + "---\n" + AksNodes.node("aks-batch-1-vmss000000", "batch", "user", "Standard_F8s_v2", "0", "", "")
            + "---\n" + AksNodes.node("aks-storage-1-vmss000000", "storage", "user", "Standard_L8s_v3", "westeurope-1",
            "kubernetes.azure.com/sku-cpu: \"8\"", "{key: storage, value: nvme, effect: PreferNoSchedule}")
            + "---\n" + AksNodes.node("akswin000000", "win", "user", "Standard_D4s_v3", "westeurope-1",
            "kubernetes.azure.com/os-sku: Windows2022", "").replace("kubernetes.io/os: linux", "kubernetes.io/os: windows")
            + "---\n" + AksNodes.node("aks-gpu-1-vmss000000", "gpu", "user", "Standard_NC6s_v3", "westeurope-2",
            "workload/class: ml", "{key: sku, value: gpu, effect: NoSchedule}")
            + "---\n" + AksNodes.node("aks-amd-1-vmss000000", "amd", "user", "Standard_D8as_v5", "westeurope-3", "", "");

    @BeforeAll
    static void loadSchemas() throws IOException {
        Path crds = Path.of(System.getProperty("ferry.corpus", "../../../shared/corpus"),
                "crds/aws__karpenter-provider-aws/pkg/apis/crds");
        Assumptions.assumeTrue(Files.isDirectory(crds), "Karpenter CRDs not in the corpus");
        nodePools = CrdSchemaValidator.load(crds.resolve("karpenter.sh_nodepools.yaml"), "v1");
        nodeClasses = CrdSchemaValidator.load(crds.resolve("karpenter.k8s.aws_ec2nodeclasses.yaml"), "v1");
    }

    @Test
    void everyGeneratedObjectValidates() {
        for (String settings : List.of(RuleHarness.DEFAULT_SETTINGS, "aws: {region: eu-west-1}\n")) {
            List<JsonNode> generated = generated(settings);
            assertThat(generated).extracting(g -> g.path("kind").asText())
                    .containsOnly("NodePool", "EC2NodeClass").hasSize(14);
            for (JsonNode object : generated) {
                CrdSchemaValidator validator = object.path("kind").asText().equals("NodePool") ? nodePools : nodeClasses;
                assertThat(validator.validate(object)).as("schema errors of %s", object).isEmpty();
                assertThat(celViolations(object)).as("CEL rules of %s", object).isEmpty();
            }
        }
    }

    @Test
    void translatedNapNodePoolsAndNodeClassesValidate() {
        Path examples = Path.of(System.getProperty("ferry.corpus", "../../../shared/corpus"),
                "Azure__karpenter-provider-azure/examples/v1");
        Assumptions.assumeTrue(Files.isDirectory(examples), "corpus not present");
        var set = new dev.ferry.model.io.ManifestReader().read(List.of(examples.resolve("general-purpose.yaml"),
                examples.resolve("system-surge.yaml")));
        Proposal proposal = new RuleRunner(AutoscalingRules.aksToEks()).run(new Sanitizer().sanitize(set.objects()),
                MigrationSettings.of(Yaml.parse(RuleHarness.DEFAULT_SETTINGS)));

        List<JsonNode> karpenter = proposal.proposed().stream()
                .filter(o -> o.kind().equals("NodePool") || o.kind().equals("EC2NodeClass"))
                .map(o -> (JsonNode) o.body()).toList();
        assertThat(karpenter).hasSize(4);
        for (JsonNode object : karpenter) {
            CrdSchemaValidator validator = object.path("kind").asText().equals("NodePool") ? nodePools : nodeClasses;
            assertThat(validator.validate(object)).as("schema errors of %s", object).isEmpty();
            assertThat(celViolations(object)).as("CEL rules of %s", object).isEmpty();
        }
    }

    @Test
    void validatorRejectsBrokenObjects() {
        ObjectNode pool = (ObjectNode) generated(RuleHarness.DEFAULT_SETTINGS).stream()
                .filter(o -> o.path("kind").asText().equals("NodePool")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) pool.at("/spec/template/spec")).remove("nodeClassRef");
        ((ObjectNode) pool.at("/spec/disruption")).put("consolidationPolicy", "Sometimes").put("consolidateAfter", "5 min");
        ((ObjectNode) pool.at("/spec/template/spec")).put("colour", "blue");
        assertThat(nodePools.validate(pool)).hasSize(4).anyMatch(e -> e.contains("nodeClassRef"))
                .anyMatch(e -> e.contains("Sometimes")).anyMatch(e -> e.contains("5 min")).anyMatch(e -> e.contains("colour"));
        ObjectNode nodeClass = (ObjectNode) Yaml.parse("""
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: x}
                spec:
                  role: r
                  amiSelectorTerms: []
                  subnetSelectorTerms: [{tags: {a: b}}]
                """);
        assertThat(nodeClasses.validate(nodeClass)).anyMatch(e -> e.contains("securityGroupSelectorTerms"))
                .anyMatch(e -> e.contains("fewer than 1 items"));
    }

    private static List<JsonNode> generated(String settings) {
        SanitizedEstate estate = new Sanitizer().sanitize(RuleHarness.parse(NODES));
        Proposal proposal = new RuleRunner(AutoscalingRules.aksToEks())
                .run(new SanitizedEstate(List.of(), List.of(), estate.nodes(), List.of()),
                        MigrationSettings.of(Yaml.parse(settings)));
        assertThat(proposal.problems()).isEmpty();
        return proposal.changes().stream().filter(c -> c.type() == ChangeType.GENERATE).map(Change::generated)
                .map(JsonNode.class::cast).toList();
    }

    /** The NodePool / EC2NodeClass CEL rules Ferry's output could break, evaluated by hand. */
    private static List<String> celViolations(JsonNode object) {
        List<String> violations = new ArrayList<>();
        if (object.path("kind").asText().equals("NodePool")) {
            for (JsonNode requirement : object.at("/spec/template/spec/requirements")) {
                String key = requirement.path("key").asText();
                if (Set.of("karpenter.sh/nodepool", "kubernetes.io/hostname").contains(key)) {
                    violations.add("restricted requirement key " + key);
                }
                if (key.startsWith("karpenter.sh/") && !key.equals("karpenter.sh/capacity-type")) {
                    violations.add("karpenter.sh requirement key " + key);
                }
                if (requirement.path("operator").asText().equals("In") && requirement.path("values").isEmpty()) {
                    violations.add("In without values: " + key);
                }
            }
            object.at("/spec/template/metadata/labels").fieldNames().forEachRemaining(label -> {
                if (label.startsWith("karpenter.sh/") || label.equals("kubernetes.io/hostname")) {
                    violations.add("restricted label " + label);
                }
            });
        } else {
            JsonNode terms = object.at("/spec/amiSelectorTerms");
            if (terms.size() != 1 || !terms.get(0).path("alias").asText().matches("^(al2|al2023|bottlerocket|"
                    + "windows2019|windows2022|windows2025)@.+$")) {
                violations.add("alias must be the only AMI term and name a known family: " + terms);
            }
            if (!object.at("/spec").has("role") || object.at("/spec").has("instanceProfile")) {
                violations.add("exactly one of role and instanceProfile");
            }
            for (String selector : List.of("subnetSelectorTerms", "securityGroupSelectorTerms")) {
                for (JsonNode term : object.at("/spec/" + selector)) {
                    term.path("tags").fields().forEachRemaining(tag -> {
                        if (tag.getKey().isEmpty() || tag.getValue().asText().isEmpty()) {
                            violations.add(selector + " has an empty tag");
                        }
                    });
                }
            }
        }
        return violations;
    }
}
