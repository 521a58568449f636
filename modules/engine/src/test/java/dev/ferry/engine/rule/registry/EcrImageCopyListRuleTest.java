package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EcrImageCopyListRuleTest {

    @Test
    void listsEachImageOnceAndImportsWithAzAcrImport() {
        Proposal proposal = RuleHarness.of(new EcrImageCopyListRule()).run("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: a, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1"}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: b, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: b, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1"}
                      - {name: c, image: "busybox:1"}
                      - {name: d, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/quay/prometheus/node-exporter:v1"}
                """);
        assertThat(proposal.artifacts()).extracting(Artifact::path)
                .containsExactly("registry/images-to-acr.tsv", "registry/import-images.sh");
        assertThat(proposal.artifacts().get(0).content()).isEqualTo("source\ttarget\n"
                + "111122223333.dkr.ecr.eu-west-1.amazonaws.com/quay/prometheus/node-exporter:v1\t"
                + "shopacr.azurecr.io/quay/prometheus/node-exporter:v1\n"
                + "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1\tshopacr.azurecr.io/team/web:1\n");
        assertThat(proposal.artifacts().get(1).content())
                .contains("acr=shopacr\n")
                .contains("az acr import --name \"$acr\" --source '111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1'"
                        + " --image 'team/web:1' --username AWS --password \"$(aws ecr get-login-password --region eu-west-1)\"")
                .contains("--source 'quay.io/prometheus/node-exporter:v1' --image 'quay/prometheus/node-exporter:v1'");
    }

    @Test
    void writesNothingWithoutEcrImages() {
        Proposal proposal = RuleHarness.of(new EcrImageCopyListRule()).run("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: "nginx:1"}]}
                """);
        assertThat(proposal.artifacts()).isEmpty();
    }
}
