package dev.ferry.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.Yaml;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static Readiness.State of(String yaml) {
        return Readiness.of((ObjectNode) Yaml.parse(yaml));
    }

    @Test
    void aDeploymentIsReadyOnceRolledOut() {
        String spec = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w, generation: 2}\nspec: {replicas: 3}\n";
        assertThat(of(spec + "status: {observedGeneration: 1}").waitingFor()).contains("generation 2");
        assertThat(of(spec + "status: {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 1}")
                .waitingFor()).isEqualTo("1 of 3 replicas available");
        assertThat(of(spec + "status: {observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3}")
                .waitingFor()).contains("old replicas");
        assertThat(of(spec + "status: {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3}")
                .ready()).isTrue();
    }

    @Test
    void jobsClaimsLoadBalancersAndIngressesHaveTheirOwnConditions() {
        assertThat(of("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nstatus: {conditions: [{type: Failed,"
                + " status: 'True', message: BackoffLimitExceeded}]}").failed()).isTrue();
        assertThat(of("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nstatus: {conditions: [{type: Complete,"
                + " status: 'True'}]}").ready()).isTrue();
        assertThat(of("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nstatus: {phase: Pending}")
                .waitingFor()).contains("bound");
        assertThat(of("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer}\nstatus: {}")
                .waitingFor()).contains("load balancer address");
        assertThat(of("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: ClusterIP}").ready()).isTrue();
        assertThat(of("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nstatus: {loadBalancer:"
                + " {ingress: [{hostname: a.example}]}}").ready()).isTrue();
        assertThat(of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}").ready()).isTrue();
    }
}
