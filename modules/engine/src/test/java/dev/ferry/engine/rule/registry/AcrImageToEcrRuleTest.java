package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AcrImageToEcrRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AcrImageToEcrRule());

    @Test
    void movesDeploymentImageToEcrKeepingPathAndTag() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: shopacr.azurecr.io/team/web:1.4.2
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.4.2
                """);
    }

    @Test
    void keepsDigestAndCoversInitAndEphemeralContainersOfCronJob() {
        harness.rewriteRun("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: shop}
                spec:
                  schedule: "0 1 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          initContainers:
                            - {name: init, image: "shopacr.azurecr.io/tools/migrate@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
                          containers:
                            - {name: job, image: shopacr.azurecr.io/jobs/report:2}
                          ephemeralContainers:
                            - {name: debug, image: shopacr.azurecr.io/debug/shell:latest}
                """, """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: shop}
                spec:
                  schedule: "0 1 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          initContainers:
                            - {name: init, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/tools/migrate@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
                          containers:
                            - {name: job, image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/jobs/report:2}
                          ephemeralContainers:
                            - {name: debug, image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/debug/shell:latest}
                """);
    }

    @Test
    void mapsPlaceholderRegistryAndWarnsAboutIt() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: sample, namespace: demo}
                spec:
                  containers:
                    - {name: app, image: "<acr name>.azurecr.io/sample/app:v1"}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: sample, namespace: demo}
                spec:
                  containers:
                    - {name: app, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/sample/app:v1"}
                """);
        Change change = RuleHarness.changeFor(proposal, "Pod", "sample");
        assertThat(change.findings()).extracting(f -> f.severity()).containsExactly(Severity.WARNING);
        assertThat(change.findings().get(0).message()).contains("placeholder");
    }

    @Test
    void usesRegistryMapFromSettings() {
        harness.settings("""
                direction: aks-to-eks
                registry: {map: {"shopacr.azurecr.io": "444455556666.dkr.ecr.us-east-1.amazonaws.com"}}
                """).rewriteRun("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: agent, image: shopacr.azurecr.io/agent:3}
                """, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: agent, image: 444455556666.dkr.ecr.us-east-1.amazonaws.com/agent:3}
                """);
    }

    @Test
    void asksForAccountWhenItIsMissing() {
        Proposal proposal = harness.settings("direction: aks-to-eks\n").run("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: db, image: shopacr.azurecr.io/db:15}
                """);
        Change change = RuleHarness.changeFor(proposal, "StatefulSet", "db");
        assertThat(change.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.settingKey()).isEqualTo("aws.accountId");
        });
        assertThat(proposal.proposed().get(0).at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("AWS_ACCOUNT_ID.dkr.ecr.AWS_REGION.amazonaws.com/db:15");
    }

    @Test
    void keepsDockerHubAndMcrImages() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cache, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: redis, image: "redis:7"}
                        - {name: tool, image: mcr.microsoft.com/azure-cli:2.60.0}
                        - {name: proxy, image: public.ecr.aws/nginx/nginx:1.27}
                """);
    }
}
