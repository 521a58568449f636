package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the EKS workshop's catalog service (a real EKS manifest) through the EKS → AKS registry rules. */
class RegistryEksCorpusTest {

    private static String catalog() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path dir = Path.of(corpus, "aws-samples__eks-workshop-v2", "manifests", "base-application", "catalog");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.isDirectory(dir), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(dir.resolve("deployment.yaml"),
                dir.resolve("statefulset-mysql.yaml")));
        assertThat(set.objects()).hasSize(2);
        return set.objects().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
    }

    @Test
    void leavesPublicEcrImagesAlone() {
        String before = catalog();
        for (var rule : RegistryRules.eksToAks()) {
            RuleHarness.of(rule).rewriteRun(before);
        }
    }

    @Test
    void movesImagesMirroredThroughAnEcrPullThroughCacheToAcr() {
        String before = catalog().replace("public.ecr.aws/",
                "111122223333.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/");
        Proposal moved = RuleHarness.of(new EcrImageToAcrRule()).run(before);
        String after = moved.proposed().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining());
        assertThat(after).doesNotContain("dkr.ecr.")
                .contains("shopacr.azurecr.io/ecr-public/aws-containers/retail-store-sample-catalog");
        Proposal copied = RuleHarness.of(new EcrImageCopyListRule()).run(before);
        assertThat(copied.artifacts()).extracting(Artifact::path).contains("registry/import-images.sh");
        assertThat(copied.artifacts().get(1).content())
                .contains("--source 'public.ecr.aws/docker/library/mysql:8.0' --image 'ecr-public/docker/library/mysql:8.0'");
    }
}
