package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole storage catalogue over the Azure Disk and Azure Files CSI driver examples of the shared corpus. */
class StorageRulesCorpusTest {

    private static final String SETTINGS = RuleHarness.DEFAULT_SETTINGS
            + "storage: {efsFileSystemId: fs-0123456789abcdef0}\n";
    private static final List<String> DRIVERS = List.of("disk.csi.azure.com", "file.csi.azure.com",
            "blob.csi.azure.com", "kubernetes.io/azure-disk", "kubernetes.io/azure-file");

    static Stream<Path> corpusFiles() throws IOException {
        String corpus = System.getProperty("ferry.corpus", "");
        Path root = Path.of(corpus.isEmpty() ? "/nonexistent" : corpus);
        List<Path> repos = List.of(root.resolve("kubernetes-sigs__azuredisk-csi-driver"),
                root.resolve("kubernetes-sigs__azurefile-csi-driver"));
        if (!repos.stream().allMatch(Files::isDirectory)) {
            return Stream.of(Path.of("corpus-not-available"));
        }
        return repos.stream().flatMap(repo -> {
            try (Stream<Path> files = Files.walk(repo)) {
                return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void leavesNoAzureDriverWithoutAFindingAndIsIdempotent(Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not available");
        Proposal proposal = run(read(file));
        assertThat(proposal.problems()).as("problems").isEmpty();
        assertThat(proposal.conflicts()).as("conflicts").isEmpty();
        assertThat(proposal.changes()).flatExtracting(Change::findings)
                .noneMatch(f -> f.message().contains("failed on this object"));
        Set<ResourceKey> explained = proposal.changes(Edge.STORAGE).stream()
                .filter(c -> c.findings().stream().anyMatch(f -> f.severity() != Severity.INFO))
                .map(Change::resource)
                .collect(Collectors.toSet());
        for (KubeObject object : proposal.proposed()) {
            String text = object.body().toString();
            if (DRIVERS.stream().anyMatch(text::contains)) {
                assertThat(explained).as("%s still names an Azure driver in %s", object.key(), file)
                        .contains(object.key());
            }
            if (object.isKind("storage.k8s.io", "StorageClass")) {
                assertValidStorageClass(object);
            }
        }
        Proposal again = run(proposal.proposed());
        assertThat(again.changes()).as("second run over %s", file)
                .filteredOn(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty())
                .isEmpty();
    }

    @Test
    void translatesTheAzureFilesExampleClassToEfs() {
        Path file = corpus("kubernetes-sigs__azurefile-csi-driver/deploy/example/storageclass-azurefile-csi.yaml");
        KubeObject sc = run(read(file)).proposed().get(0);
        assertThat(Yaml.write(sc.body())).isEqualTo("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: azurefile-csi
                provisioner: efs.csi.aws.com
                allowVolumeExpansion: true
                parameters:
                  provisioningMode: efs-ap
                  fileSystemId: fs-0123456789abcdef0
                  directoryPerms: "700"
                reclaimPolicy: Delete
                volumeBindingMode: Immediate
                mountOptions:
                  - actimeo=30
                """);
    }

    @Test
    void translatesTheAzureDiskStatefulSetExample() {
        Path file = corpus("kubernetes-sigs__azuredisk-csi-driver/deploy/example/statefulset.yaml");
        Proposal proposal = run(read(file));
        KubeObject generated = proposal.proposed().stream()
                .filter(o -> o.kind().equals("StorageClass")).findFirst().orElseThrow();
        assertThat(generated.name()).isEqualTo("managed-csi");
        assertThat(generated.at("/provisioner").asText()).isEqualTo("ebs.csi.aws.com");
        assertThat(generated.at("/parameters/type").asText()).isEqualTo("gp3");
        assertThat(RuleHarness.changeFor(proposal, "StatefulSet", "statefulset-azuredisk").findings())
                .anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED && f.message().contains("rsync"));
    }

    private static void assertValidStorageClass(KubeObject sc) {
        assertThat(sc.apiVersion()).isEqualTo("storage.k8s.io/v1");
        assertThat(sc.name()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        assertThat(sc.at("/provisioner").asText()).isNotBlank();
        sc.at("/parameters").fields().forEachRemaining(e -> assertThat(e.getValue().isTextual())
                .as("parameter %s of %s is a string", e.getKey(), sc.name()).isTrue());
        assertThat(Set.of("", "Delete", "Retain")).contains(sc.at("/reclaimPolicy").asText(""));
        assertThat(Set.of("", "Immediate", "WaitForFirstConsumer")).contains(sc.at("/volumeBindingMode").asText(""));
    }

    private static Path corpus(String relative) {
        String corpus = System.getProperty("ferry.corpus", "");
        Path file = Path.of(corpus.isEmpty() ? "/nonexistent" : corpus).resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not available");
        return file;
    }

    private static List<KubeObject> read(Path file) {
        ManifestSet set = new ManifestReader().read(List.of(file));
        assertThat(set.problems()).as("corpus file parses").isEmpty();
        return set.objects();
    }

    private static Proposal run(List<KubeObject> objects) {
        SanitizedEstate estate = new Sanitizer().sanitize(objects);
        return new RuleRunner(StorageRules.aksToEks()).run(estate, MigrationSettings.of(Yaml.parse(SETTINGS)));
    }
}
