package dev.ferry.engine.rule.storage;

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
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The EKS → AKS catalogue of the storage edge over the EBS/EFS CSI driver examples and the EKS workshop. */
class StorageRulesEksToAksCorpusTest {

    @Test
    void catalogueRulesAreEksToAksStorageRules() {
        assertThat(StorageRules.eksToAks()).extracting(r -> r.info().id()).doesNotHaveDuplicates();
        assertThat(StorageRules.eksToAks()).allSatisfy(r -> {
            assertThat(r.info().edge()).isEqualTo(Edge.STORAGE);
            assertThat(r.info().direction()).isEqualTo(Direction.EKS_TO_AKS);
        });
    }

    @Test
    void leavesNoEbsOrEfsProvisionerInAnyExample() throws IOException {
        int classes = 0;
        for (String dir : List.of("kubernetes-sigs__aws-ebs-csi-driver/examples",
                "kubernetes-sigs__aws-efs-csi-driver/examples",
                "aws-samples__eks-workshop-v2/manifests/modules/fundamentals/storage")) {
            Path root = corpus(dir);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path file : files) {
                ManifestSet set = new ManifestReader().readText(file.toString(), Files.readString(file));
                Proposal proposal = run(new Sanitizer().sanitize(set.objects()));
                assertThat(proposal.conflicts()).as("conflicts in %s", file).isEmpty();
                assertThat(proposal.problems()).as("problems in %s", file).isEmpty();
                for (KubeObject object : proposal.proposed()) {
                    String text = Yaml.write(object.body());
                    if (object.kind().equals("StorageClass") || object.kind().equals("VolumeSnapshotClass")
                            || object.kind().equals("PersistentVolume")) {
                        assertThat(text).as("%s in %s", object, file)
                                .doesNotContain("ebs.csi.aws.com").doesNotContain("efs.csi.aws.com")
                                .doesNotContain("kubernetes.io/aws-ebs");
                    }
                    if (object.kind().equals("StorageClass")) {
                        classes++;
                    }
                }
                Proposal second = run(new SanitizedEstate(proposal.proposed(), List.of(), List.of(), List.of()));
                assertThat(second.changes().stream().filter(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty())
                        .map(c -> c.rule() + " " + c.resource() + " " + c.patch()))
                        .as("catalogue run over its own output for %s", file).isEmpty();
            }
        }
        assertThat(classes).as("StorageClasses translated across the examples").isGreaterThan(10);
    }

    @Test
    void translatesTheEbsStorageClassExample() throws IOException {
        Path file = corpus("kubernetes-sigs__aws-ebs-csi-driver/examples/kubernetes/storageclass/manifests/storageclass.yaml");
        Proposal proposal = run(new Sanitizer().sanitize(new ManifestReader().read(List.of(file)).objects()));
        KubeObject sc = proposal.proposed().get(0);
        assertThat(sc.at("/provisioner").asText()).isEqualTo("disk.csi.azure.com");
        assertThat(sc.at("/parameters/skuName").asText()).isEqualTo("PremiumV2_LRS");
        assertThat(sc.at("/parameters/csi.storage.k8s.io~1fstype").asText()).isEqualTo("xfs");
        assertThat(sc.at("/allowedTopologies/0/matchLabelExpressions/0/key").asText())
                .isEqualTo("topology.kubernetes.io/zone");
    }

    private static Path corpus(String relative) {
        Path path = Path.of(System.getProperty("ferry.corpus", "/nonexistent")).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "corpus not present: " + path);
        return path;
    }

    private static Proposal run(SanitizedEstate estate) {
        return new RuleRunner(StorageRules.eksToAks())
                .run(estate, MigrationSettings.of(Yaml.parse(RuleHarness.EKS_TO_AKS_SETTINGS)));
    }
}
