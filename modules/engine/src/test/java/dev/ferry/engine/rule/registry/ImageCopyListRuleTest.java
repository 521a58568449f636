package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class ImageCopyListRuleTest {

    @Test
    void listsEachImageOnceWithItsTargetAndRepositoryCreation() {
        Proposal proposal = RuleHarness.of(new ImageCopyListRule()).run("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: a, image: shopacr.azurecr.io/team/web:1}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: b, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: b, image: shopacr.azurecr.io/team/web:1}, {name: c, image: "busybox:1"}]
                """);
        assertThat(proposal.artifacts()).extracting(Artifact::path)
                .containsExactly("registry/images.tsv", "registry/copy-images.sh");
        assertThat(proposal.artifacts().get(0).content()).isEqualTo("source\ttarget\n"
                + "shopacr.azurecr.io/team/web:1\t111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1\n");
        assertThat(proposal.artifacts().get(1).content())
                .contains("--repository-name 'team/web'")
                .contains("skopeo copy --all 'docker://shopacr.azurecr.io/team/web:1'");
    }

    @Test
    void writesNothingWithoutAcrImages() {
        Proposal proposal = RuleHarness.of(new ImageCopyListRule()).run("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: "nginx:1"}]}
                """);
        assertThat(proposal.artifacts()).isEmpty();
    }
}
