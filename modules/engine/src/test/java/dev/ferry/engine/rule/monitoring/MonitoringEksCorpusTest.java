package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
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

/** Runs the EKS workshop's ADOT collectors (CloudWatch EMF and AMP remote write) through the monitoring rules. */
class MonitoringEksCorpusTest {

    @Test
    void dropsWorkshopAdotCollectors() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path dir = Path.of(corpus, "aws-samples__eks-workshop-v2", "manifests", "modules", "observability");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.isDirectory(dir), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(
                dir.resolve("container-insights/adot/opentelemetrycollector.yaml"),
                dir.resolve("oss-metrics/adot/opentelemetrycollector.yaml")));
        assertThat(set.objects()).hasSize(2);
        String before = set.objects().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        for (Rule rule : MonitoringRules.eksToAks()) {
            RuleHarness.of(rule).run(before);
        }
        Proposal all = new RuleRunner(MonitoringRules.eksToAks()).run(new Sanitizer().sanitize(set.objects()),
                MigrationSettings.of(Yaml.parse(RuleHarness.EKS_TO_AKS_SETTINGS)));
        assertThat(all.proposed()).isEmpty();
        assertThat(all.changes()).hasSize(2).allSatisfy(c -> assertThat(c.type()).isEqualTo(ChangeType.DROP));
    }
}
