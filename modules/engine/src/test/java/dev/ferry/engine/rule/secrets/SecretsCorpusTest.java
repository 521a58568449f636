package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Artifact;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole secrets catalogue over the Azure Key Vault provider's examples (YAML nested in strings). */
class SecretsCorpusTest {

    private static Path examples;

    @BeforeAll
    static void locateCorpus() {
        String corpus = System.getProperty("ferry.corpus", "");
        examples = Path.of(corpus, "Azure__secrets-store-csi-driver-provider-azure", "examples");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.isDirectory(examples), "corpus not present");
    }

    private static Proposal runCatalogue() {
        ManifestSet set = new ManifestReader().read(List.of(examples));
        assertThat(set.problems()).isEmpty();
        return new RuleRunner(SecretsRules.aksToEks()).run(new Sanitizer().sanitize(set.objects()),
                MigrationSettings.of(Yaml.parse(RuleHarness.DEFAULT_SETTINGS)));
    }

    @Test
    void translatesEveryExampleClassToAscp() {
        Proposal proposal = runCatalogue();
        assertThat(proposal.conflicts()).isEmpty();
        assertThat(proposal.problems()).isEmpty();
        List<KubeObject> classes = proposal.proposed().stream()
                .filter(SecretsStoreCsi::isProviderClass).toList();
        assertThat(classes).hasSize(10).allSatisfy(spc -> {
            assertThat(spc.at("/spec/provider").asText()).isEqualTo("aws");
            assertThat(spc.at("/spec/parameters/region").asText()).isEqualTo("eu-west-1");
            KeyVaultProviderToAwsRule.AZURE_PARAMETERS.forEach(name ->
                    assertThat(spc.at("/spec/parameters").has(name)).as(spc + " " + name).isFalse());
            JsonNode objects = Yaml.parse(spc.at("/spec/parameters/objects").asText());
            assertThat(objects.isArray()).as(spc.toString()).isTrue();
            objects.forEach(o -> assertThat(o.path("objectType").asText()).isEqualTo("secretsmanager"));
        });
        KubeObject certs = classes.stream().filter(c -> c.name().equals("azure-certs")).findFirst().orElseThrow();
        assertThat(Yaml.parse(certs.at("/spec/parameters/objects").asText()).findValuesAsText("objectAlias"))
                .containsExactly("cert1", "cert1-pub-key", "cert1-secret", "cert2-secret-pfx",
                        "cert2-secret-pfx-binary");
        KubeObject sync = classes.stream().filter(c -> c.name().equals("azure-sync")).findFirst().orElseThrow();
        assertThat(sync.at("/spec/secretObjects/0/data/0/objectName").asText()).isEqualTo("secretalias");
    }

    @Test
    void removesServicePrincipalCredentialsFromVolumes() {
        Proposal proposal = runCatalogue();
        List<KubeObject> workloads = proposal.proposed().stream()
                .filter(o -> o.kind().equals("Pod") || o.kind().equals("Deployment")).toList();
        assertThat(workloads).hasSize(5).allSatisfy(w ->
                assertThat(Yaml.write(w.body())).doesNotContain("nodePublishSecretRef"));
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "busybox-deployment").findings())
                .extracting(Finding::severity).containsOnly(Severity.ACTION_REQUIRED);
    }

    @Test
    void listsEveryKeyVaultObjectInTheArtifact() {
        Artifact artifact = runCatalogue().artifacts().stream()
                .filter(a -> a.path().equals(KeyVaultObjectsToAscpRule.ARTIFACT)).findFirst().orElseThrow();
        assertThat(artifact.content())
                .contains("| azure-certs | kvname | cert1 | cert | cert1-certificate | cert1 | "
                        + "store the certificate PEM |")
                .contains("| azure-certs | kvname | cert2-pfx | secret | cert2-pfx-cert2-secret-pfx-binary |")
                .contains("| azure-sync | kvname | $SECRET_NAME | secret | $SECRET_NAME | secretalias | "
                        + "was pinned to a Key Vault version |");
        assertThat(artifact.content().lines().filter(l -> l.contains(" | kvname | ")).count()).isEqualTo(22);
    }

    @Test
    void everyRuleIsIdempotentOnTheCorpus() throws IOException {
        String text;
        try (Stream<Path> files = Files.walk(examples)) {
            text = files.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .map(SecretsCorpusTest::read).collect(Collectors.joining("\n---\n"));
        }
        for (Rule rule : SecretsRules.aksToEks()) {
            assertThat(RuleHarness.of(rule).run(text).conflicts()).as(rule.info().id()).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
