package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the EKS workshop's Secrets Manager module (ASCP class, ESO store and ExternalSecret) through the rules. */
class SecretsEksCorpusTest {

    @Test
    void translatesWorkshopSecretsManagerModule() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path dir = Path.of(corpus, "aws-samples__eks-workshop-v2", "manifests", "modules", "security",
                "secrets-manager");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.isDirectory(dir), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(dir.resolve("secret-provider-class.yaml"),
                dir.resolve("cluster-secret-store.yaml"), dir.resolve("external-secrets").resolve("external-secret.yaml")));
        assertThat(set.objects()).hasSize(3);
        String before = set.objects().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        String settings = RuleHarness.EKS_TO_AKS_SETTINGS + "keyVault: {names: {\"*\": shop-kv}}\n";
        for (Rule rule : SecretsRules.eksToAks()) {
            RuleHarness.of(rule).settings(settings).run(before);
        }
        Proposal all = new RuleRunner(SecretsRules.eksToAks()).run(new Sanitizer().sanitize(set.objects()),
                MigrationSettings.of(Yaml.parse(settings)));
        assertThat(all.conflicts()).isEmpty();
        KubeObject spc = all.proposed().stream().filter(o -> o.kind().equals("SecretProviderClass")).findFirst()
                .orElseThrow();
        assertThat(spc.at("/spec/provider").asText()).isEqualTo("azure");
        assertThat(spc.at("/spec/parameters/keyvaultName").asText()).isEqualTo("shop-kv");
        assertThat(spc.at("/spec/parameters/objects").asText())
                .contains("objectAlias: username").contains("objectAlias: password").doesNotContain("jmesPath");
        KubeObject store = all.proposed().stream().filter(o -> o.kind().equals("ClusterSecretStore")).findFirst()
                .orElseThrow();
        assertThat(store.at("/spec/provider/azurekv/vaultUrl").asText()).isEqualTo("https://shop-kv.vault.azure.net");
        assertThat(store.at("/spec/provider/azurekv/serviceAccountRef/name").asText()).isEqualTo("external-secrets-sa");
        assertThat(store.at("/spec/provider/aws").isMissingNode()).isTrue();
    }
}
