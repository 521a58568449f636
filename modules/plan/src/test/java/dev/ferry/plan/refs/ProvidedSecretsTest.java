package dev.ferry.plan.refs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidedSecretsTest {

    private static final String ESTATE = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: kv, namespace: shop}
            spec:
              provider: aws
              secretObjects: [{secretName: kv-synced, type: Opaque, data: [{objectName: db, key: password}]}]
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: api-keys, namespace: shop}
            spec: {target: {name: api-keys-secret}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: web
                      env:
                        - {name: A, valueFrom: {secretKeyRef: {name: kv-synced, key: password}}}
                        - {name: B, valueFrom: {secretKeyRef: {name: api-keys-secret, key: k}}}
                        - {name: C, valueFrom: {secretKeyRef: {name: nobody-makes-this, key: k}}}
            """;

    private static List<KubeObject> estate() {
        return new ManifestReader().readText("estate.yaml", ESTATE).objects();
    }

    @Test
    void namesTheObjectThatCreatesEachSecret() {
        assertThat(ProvidedSecrets.of(estate())).containsOnlyKeys(
                        ResourceKey.of("v1", "Secret", "shop", "kv-synced"),
                        ResourceKey.of("v1", "Secret", "shop", "api-keys-secret"))
                .containsValue(ResourceKey.of("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass", "shop", "kv"));
    }

    @Test
    void referencesToProvidedSecretsResolve() {
        List<UnresolvedReference> unresolved = new ReferenceChecker(BuiltInTargets.of(Direction.AKS_TO_EKS))
                .check(estate());
        assertThat(unresolved).singleElement()
                .satisfies(u -> assertThat(u.reference().to().name()).isEqualTo("nobody-makes-this"));
    }
}
