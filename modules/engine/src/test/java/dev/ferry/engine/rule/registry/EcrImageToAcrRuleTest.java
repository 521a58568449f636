package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EcrImageToAcrRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EcrImageToAcrRule());

    @Test
    void movesEcrImagesOfEveryContainerListKeepingPathTagAndDigest() {
        harness.rewriteRun("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          initContainers: [{name: init, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/init@sha256:abc"}]
                          containers:
                          - {name: app, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/report:1.2"}
                          - {name: side, image: "nginx:1"}
                          ephemeralContainers: [{name: debug, image: "111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/tools/debug:3"}]
                """, """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          initContainers: [{name: init, image: "shopacr.azurecr.io/team/init@sha256:abc"}]
                          containers:
                          - {name: app, image: "shopacr.azurecr.io/team/report:1.2"}
                          - {name: side, image: "nginx:1"}
                          ephemeralContainers: [{name: debug, image: "shopacr.azurecr.io/tools/debug:3"}]
                """);
    }

    @Test
    void keepsPublicEcrImages() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: "public.ecr.aws/docker/library/busybox:1.37"}]}
                """);
    }

    @Test
    void flagsPullThroughCachePrefix() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: web, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com.cn/docker-hub/library/nginx:latest"}]
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: web, image: "shopacr.azurecr.io/docker-hub/library/nginx:latest"}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "web").findings())
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("docker.io/library/nginx:latest"));
    }

    @Test
    void usesPlaceholderAndAsksForLoginServerWhenMissing() {
        Proposal proposal = harness.settings("direction: eks-to-aks\n").rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: "${AWS_ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com/ui:1"}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: "ACR_NAME.azurecr.io/ui:1"}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings())
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.settingKey()).isEqualTo("registry.acrLoginServer");
                });
    }
}
