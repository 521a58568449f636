package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AwsSdkEnvRuleTest {

    @Test
    void removesWebIdentityVariablesAndReportsRegion() {
        Proposal proposal = RuleHarness.of(new AwsSdkEnvRule()).rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: x}
                spec:
                  template:
                    spec:
                      containers:
                      - name: c
                        image: app
                        env:
                        - {name: AWS_ROLE_ARN, value: "arn:aws:iam::111122223333:role/x"}
                        - {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token}
                        - {name: AWS_REGION, value: eu-west-1}
                        - {name: LOG_LEVEL, value: info}
                      - name: side
                        image: side
                        env: [{name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: "http://169.254.170.23/v1/credentials"}]
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: x}
                spec:
                  template:
                    spec:
                      containers:
                      - name: c
                        image: app
                        env:
                        - {name: AWS_REGION, value: eu-west-1}
                        - {name: LOG_LEVEL, value: info}
                      - name: side
                        image: side
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "d").findings())
                .filteredOn(f -> f.severity() == Severity.WARNING).extracting(Finding::message)
                .singleElement().satisfies(m -> assertThat(m).contains("AWS_REGION"));
    }

    @Test
    void leavesOtherEnvironmentAlone() {
        RuleHarness.of(new AwsSdkEnvRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: app, env: [{name: A, value: b}]}]}
                """);
    }
}
