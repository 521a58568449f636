package dev.ferry.engine.rule.identity;

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

/** Runs the EKS workshop's IRSA module (a real EKS ServiceAccount) through the EKS → AKS identity rules. */
class IdentityEksCorpusTest {

    @Test
    void movesWorkshopIrsaServiceAccountToWorkloadId() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path file = Path.of(corpus, "aws-samples__eks-workshop-v2", "manifests", "modules", "security", "irsa",
                "service-account", "carts-serviceAccount.yaml");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.exists(file), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(file));
        String before = set.objects().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        for (Rule rule : IdentityRules.eksToAks()) {
            RuleHarness.of(rule).run(before);
        }
        Proposal all = new RuleRunner(IdentityRules.eksToAks()).run(new Sanitizer().sanitize(set.objects()),
                MigrationSettings.of(Yaml.parse(RuleHarness.EKS_TO_AKS_SETTINGS)));
        assertThat(all.conflicts()).isEmpty();
        String after = all.proposed().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining());
        assertThat(after).doesNotContain("eks.amazonaws.com/").contains("azure.workload.identity/client-id");
        assertThat(all.artifacts()).anySatisfy(a -> assertThat(a.content()).contains("system:serviceaccount:carts:carts"));
    }
}
