package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
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

/** Runs the EKS workshop's custom-networking and security-groups-for-pods manifests through the networking rules. */
class NetworkingEksCorpusTest {

    @Test
    void dropsWorkshopVpcCniObjects() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path dir = Path.of(corpus, "aws-samples__eks-workshop-v2", "manifests", "modules", "networking");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.isDirectory(dir), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(
                dir.resolve("custom-networking/provision/eniconfigs.yaml"),
                dir.resolve("securitygroups-for-pods/sg/policy.yaml")));
        assertThat(set.objects()).hasSize(4);
        String before = set.objects().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        for (Rule rule : NetworkingRules.eksToAks()) {
            RuleHarness.of(rule).run(before);
        }
        Proposal all = new RuleRunner(NetworkingRules.eksToAks()).run(new Sanitizer().sanitize(set.objects()),
                MigrationSettings.of(Yaml.parse(RuleHarness.EKS_TO_AKS_SETTINGS)));
        assertThat(all.proposed()).isEmpty();
        assertThat(all.changes()).hasSize(4).allSatisfy(c -> assertThat(c.findings()).isNotEmpty());
    }
}
