package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbIdleTimeoutRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbIdleTimeoutRule());

    @Test
    void convertsMinutesToSecondsForEveryTcpPort() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "30"
                spec:
                  type: LoadBalancer
                  ports: [{port: 5671}, {port: 15672, protocol: TCP}, {port: 5353, protocol: UDP}]
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-5671: tcp.idle_timeout.seconds=1800
                    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-15672: tcp.idle_timeout.seconds=1800
                spec:
                  type: LoadBalancer
                  ports: [{port: 5671}, {port: 15672, protocol: TCP}, {port: 5353, protocol: UDP}]
                """);
    }

    @Test
    void removesTcpResetSwitchWithANote() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-disable-tcp-reset: "true"
                spec: {type: LoadBalancer, ports: [{port: 5671}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: mq}
                spec: {type: LoadBalancer, ports: [{port: 5671}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "mq").findings())
                .singleElement().extracting(f -> f.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void warnsOnATimeoutThatIsNotANumber() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "4m"
                spec: {type: LoadBalancer, ports: [{port: 5671}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: mq}
                spec: {type: LoadBalancer, ports: [{port: 5671}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "mq").findings())
                .singleElement().extracting(f -> f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void leavesServicesWithoutIdleSettingsAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }
}
