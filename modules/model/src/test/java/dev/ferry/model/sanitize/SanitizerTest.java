package dev.ferry.model.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class SanitizerTest {

    private final Sanitizer sanitizer = new Sanitizer();

    private static List<KubeObject> read(String yaml) {
        return new ManifestReader().readText("t.yaml", yaml).objects();
    }

    @Test
    void stripsServerManagedFields() {
        SanitizedEstate estate = sanitizer.sanitize(read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                  uid: 0b7c
                  resourceVersion: "42"
                  generation: 3
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  managedFields: [{manager: kubectl}]
                  selfLink: /apis/apps/v1/namespaces/shop/deployments/web
                  annotations:
                    deployment.kubernetes.io/revision: "7"
                    kubectl.kubernetes.io/last-applied-configuration: "{}"
                    team: checkout
                spec: {replicas: 2}
                status: {readyReplicas: 2}
                """));
        assertThat(Yaml.write(estate.objects().get(0).body())).isEqualTo("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    team: checkout
                spec:
                  replicas: 2
                """);
    }

    @Test
    void stripsClusterIpButKeepsHeadlessAndRecordsBoundClaims() {
        SanitizedEstate estate = sanitizer.sanitize(read("""
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: s}
                spec: {clusterIP: 10.0.0.1, clusterIPs: [10.0.0.1], ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: b, namespace: s}
                spec: {clusterIP: None}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  namespace: s
                  annotations: {pv.kubernetes.io/bind-completed: "yes"}
                spec: {volumeName: pvc-123, storageClassName: managed-csi}
                status: {phase: Bound}
                """));
        assertThat(estate.objects().get(0).at("/spec").has("clusterIP")).isFalse();
        assertThat(estate.objects().get(1).at("/spec/clusterIP").asText()).isEqualTo("None");
        KubeObject claim = estate.objects().get(2);
        assertThat(claim.at("/spec").has("volumeName")).isFalse();
        assertThat(claim.at("/metadata").has("annotations")).isFalse();
        assertThat(claim.observed()).containsEntry("bound", "true").containsEntry("volumeName", "pvc-123");
    }

    @Test
    void excludesWhatIsNotTheWorkloadsOwnWithReasons() {
        SanitizedEstate estate = sanitizer.sanitize(read("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-5d8f-abc
                  namespace: shop
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: x, controller: true}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kube-root-ca.crt, namespace: shop}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: default-token-x, namespace: shop}
                type: kubernetes.io/service-account-token
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: coredns, namespace: kube-system}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-abc, namespace: shop}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: aks-nodepool1-0, labels: {kubernetes.azure.com/agentpool: nodepool1}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                """));
        assertThat(estate.objects()).extracting(KubeObject::name).containsExactly("settings");
        assertThat(estate.nodes()).extracting(KubeObject::name).containsExactly("aks-nodepool1-0");
        assertThat(estate.excluded()).extracting(Exclusion::reason)
                .anySatisfy(r -> assertThat(r).contains("owned by ReplicaSet/web-5d8f"))
                .anySatisfy(r -> assertThat(r).contains("CA bundle"))
                .anySatisfy(r -> assertThat(r).contains("token"))
                .anySatisfy(r -> assertThat(r).contains("kube-system"))
                .anySatisfy(r -> assertThat(r).contains("control plane"))
                .anySatisfy(r -> assertThat(r).contains("node-pool analysis"));
    }

    @Test
    void replacesSecretValuesWithDigests() {
        SanitizedEstate estate = sanitizer.sanitize(read("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                type: Opaque
                data: {password: Q0FOQVJZLXZhbHVlLTEyMzQ=}
                stringData: {user: CANARY-plain-5678}
                """));
        String written = Yaml.write(estate.objects().get(0).body());
        assertThat(written).doesNotContain("Q0FOQVJZ").doesNotContain("CANARY").doesNotContainPattern("(?m)^data:");
        assertThat(written).contains(SecretRedactor.DIGESTS_ANNOTATION).contains("password").contains("user")
                .contains("sha256:");
    }

    @Test
    void keepsTheLaterOfTwoDefinitionsAndSaysSo() {
        SanitizedEstate estate = sanitizer.sanitize(read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: s}
                data: {v: "1"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: s}
                data: {v: "2"}
                """));
        assertThat(estate.objects()).singleElement().satisfies(o -> assertThat(o.at("/data/v").asText()).isEqualTo("2"));
        assertThat(estate.duplicates()).singleElement().satisfies(d -> assertThat(d).contains("ConfigMap/s/a"));
    }

    @Test
    void readsBackTheRegistriesAnInventoryRecordedForARedactedPullSecret() {
        KubeObject secret = sanitizer.sanitize(read("""
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/dockerconfigjson
                metadata:
                  name: acr-pull
                  namespace: shop
                  annotations: {ferry.dev/registries: shopacr.azurecr.io}
                """)).objects().get(0);
        assertThat(secret.observed()).containsEntry("registries", "shopacr.azurecr.io");
        assertThat(secret.annotations()).doesNotContainKey("ferry.dev/registries");
    }
}
