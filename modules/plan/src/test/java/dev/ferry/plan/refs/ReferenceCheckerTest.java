package dev.ferry.plan.refs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCheckerTest {

    private static final String ESTATE = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg, namespace: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: default
                  priorityClassName: system-cluster-critical
                  containers:
                    - name: api
                      envFrom: [{configMapRef: {name: cfg}}, {secretRef: {name: missing}}]
                      env:
                        - {name: X, valueFrom: {configMapKeyRef: {name: maybe, key: x, optional: true}}}
                  volumes:
                    - {name: ca, configMap: {name: kube-root-ca.crt}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: a, namespace: shop}
            spec: {storageClassName: gp2}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: b, namespace: shop}
            spec: {storageClassName: managed-csi}
            """;

    @Test
    void reportsMissingTargetsWithWhereTheyAreUsed() {
        List<UnresolvedReference> unresolved = new ReferenceChecker(BuiltInTargets.of(Direction.AKS_TO_EKS))
                .check(Objects.parse(ESTATE));

        assertThat(unresolved).filteredOn(u -> !u.informational()).extracting(UnresolvedReference::message)
                .containsExactly("Deployment shop/api uses Secret shop/missing "
                                + "(spec.template.spec.containers[0].envFrom[1].secretRef), which is not in the proposed "
                                + "estate and not built into the target cluster. Add it to the estate or change the "
                                + "reference.",
                        "PersistentVolumeClaim shop/b uses StorageClass managed-csi (spec.storageClassName), which is "
                                + "not in the proposed estate and not built into the target cluster. Add it to the "
                                + "estate or change the reference.");
    }

    @Test
    void reportsOptionalReferencesAsInformation() {
        List<UnresolvedReference> unresolved = new ReferenceChecker(BuiltInTargets.of(Direction.AKS_TO_EKS))
                .check(Objects.parse(ESTATE));

        assertThat(unresolved).filteredOn(UnresolvedReference::informational)
                .singleElement()
                .satisfies(u -> assertThat(u.reference().to()).hasToString("ConfigMap/shop/maybe"))
                .satisfies(u -> assertThat(u.message()).contains("optional"));
    }

    @Test
    void builtInsDependOnTheTargetCloud() {
        List<UnresolvedReference> toAks = new ReferenceChecker(BuiltInTargets.of(Direction.EKS_TO_AKS))
                .check(Objects.parse(ESTATE));

        assertThat(toAks).filteredOn(u -> u.reference().to().kind().equals("StorageClass"))
                .extracting(u -> u.reference().to().name()).containsExactly("gp2");
    }

    @Test
    void knowsWhatEveryClusterHas() {
        BuiltInTargets eks = BuiltInTargets.of(Direction.AKS_TO_EKS);

        assertThat(eks.exists(dev.ferry.model.ResourceKey.of("v1", "ServiceAccount", "any", "default"))).isTrue();
        assertThat(eks.exists(dev.ferry.model.ResourceKey.of("rbac.authorization.k8s.io/v1", "ClusterRole", "",
                "system:auth-delegator"))).isTrue();
        assertThat(eks.exists(dev.ferry.model.ResourceKey.of("v1", "ServiceAccount", "any", "api"))).isFalse();
        assertThat(eks.exists(dev.ferry.model.ResourceKey.of("storage.k8s.io/v1", "StorageClass", "", "gp3")))
                .isFalse();
    }
}
