package dev.ferry.plan.refs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.plan.refs.Reference.Need;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceScannerTest {

    private final ReferenceScanner scanner = new ReferenceScanner();

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              template:
                spec:
            %s
            """;

    private static String deployment(String podSpec) {
        return DEPLOYMENT.formatted(podSpec.indent(6).stripTrailing());
    }

    /** name, object YAML, expected path, expected target (Kind/namespace/name), need. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("pod service account", deployment("serviceAccountName: api\ncontainers: [{name: a}]"),
                        "spec.template.spec.serviceAccountName", "ServiceAccount/shop/api", Need.REQUIRED),
                Arguments.of("deprecated serviceAccount field", deployment("serviceAccount: old"),
                        "spec.template.spec.serviceAccount", "ServiceAccount/shop/old", Need.REQUIRED),
                Arguments.of("priority class", deployment("priorityClassName: high"),
                        "spec.template.spec.priorityClassName", "PriorityClass/high", Need.REQUIRED),
                Arguments.of("pull secret", deployment("imagePullSecrets: [{name: regcred}]"),
                        "spec.template.spec.imagePullSecrets[0]", "Secret/shop/regcred", Need.REQUIRED),
                Arguments.of("env configMapKeyRef", deployment("""
                                containers:
                                  - name: a
                                    env:
                                      - name: X
                                        valueFrom: {configMapKeyRef: {name: cfg, key: x}}
                                """),
                        "spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef", "ConfigMap/shop/cfg",
                        Need.REQUIRED),
                Arguments.of("optional env secretKeyRef", deployment("""
                                initContainers:
                                  - name: init
                                    env:
                                      - name: X
                                        valueFrom: {secretKeyRef: {name: s, key: x, optional: true}}
                                """),
                        "spec.template.spec.initContainers[0].env[0].valueFrom.secretKeyRef", "Secret/shop/s",
                        Need.OPTIONAL),
                Arguments.of("envFrom configMapRef", deployment("""
                                containers:
                                  - name: a
                                  - name: b
                                    envFrom: [{configMapRef: {name: shared}}]
                                """),
                        "spec.template.spec.containers[1].envFrom[0].configMapRef", "ConfigMap/shop/shared",
                        Need.REQUIRED),
                Arguments.of("envFrom secretRef", deployment("""
                                containers:
                                  - name: a
                                    envFrom: [{prefix: X, configMapRef: {name: c, optional: true}}, {secretRef: {name: s}}]
                                """),
                        "spec.template.spec.containers[0].envFrom[1].secretRef", "Secret/shop/s", Need.REQUIRED),
                Arguments.of("configMap volume", deployment("volumes: [{name: v, configMap: {name: files}}]"),
                        "spec.template.spec.volumes[0].configMap", "ConfigMap/shop/files", Need.REQUIRED),
                Arguments.of("optional secret volume",
                        deployment("volumes: [{name: v, secret: {secretName: tls, optional: true}}]"),
                        "spec.template.spec.volumes[0].secret", "Secret/shop/tls", Need.OPTIONAL),
                Arguments.of("projected sources", deployment("""
                                volumes:
                                  - name: v
                                    projected:
                                      sources:
                                        - serviceAccountToken: {path: token}
                                        - secret: {name: creds}
                                """),
                        "spec.template.spec.volumes[0].projected.sources[1].secret", "Secret/shop/creds",
                        Need.REQUIRED),
                Arguments.of("claim in pod volume",
                        deployment("volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]"),
                        "spec.template.spec.volumes[0].persistentVolumeClaim", "PersistentVolumeClaim/shop/data",
                        Need.REQUIRED),
                Arguments.of("SecretProviderClass in CSI volume", deployment("""
                                volumes:
                                  - name: kv
                                    csi:
                                      driver: secrets-store.csi.k8s.io
                                      volumeAttributes: {secretProviderClass: kv-spc}
                                """),
                        "spec.template.spec.volumes[0].csi.volumeAttributes.secretProviderClass",
                        "SecretProviderClass/shop/kv-spc", Need.REQUIRED),
                Arguments.of("CSI node publish secret", deployment("""
                                volumes:
                                  - name: kv
                                    csi: {driver: x, nodePublishSecretRef: {name: np}}
                                """),
                        "spec.template.spec.volumes[0].csi.nodePublishSecretRef", "Secret/shop/np", Need.REQUIRED),
                Arguments.of("CronJob pod spec", """
                                apiVersion: batch/v1
                                kind: CronJob
                                metadata: {name: report, namespace: shop}
                                spec:
                                  jobTemplate:
                                    spec:
                                      template:
                                        spec:
                                          serviceAccountName: reporter
                                """,
                        "spec.jobTemplate.spec.template.spec.serviceAccountName", "ServiceAccount/shop/reporter",
                        Need.REQUIRED),
                Arguments.of("bare Pod", """
                                apiVersion: v1
                                kind: Pod
                                metadata: {name: p, namespace: shop}
                                spec: {priorityClassName: batch}
                                """,
                        "spec.priorityClassName", "PriorityClass/batch", Need.REQUIRED),
                Arguments.of("claim storage class", """
                                apiVersion: v1
                                kind: PersistentVolumeClaim
                                metadata: {name: data, namespace: shop}
                                spec: {storageClassName: gp3}
                                """,
                        "spec.storageClassName", "StorageClass/gp3", Need.REQUIRED),
                Arguments.of("claim template storage class", """
                                apiVersion: apps/v1
                                kind: StatefulSet
                                metadata: {name: db, namespace: shop}
                                spec:
                                  volumeClaimTemplates:
                                    - metadata: {name: data}
                                      spec: {storageClassName: fast}
                                """,
                        "spec.volumeClaimTemplates[0].spec.storageClassName", "StorageClass/fast", Need.REQUIRED),
                Arguments.of("StatefulSet governing Service", """
                                apiVersion: apps/v1
                                kind: StatefulSet
                                metadata: {name: db, namespace: shop}
                                spec: {serviceName: db-headless}
                                """,
                        "spec.serviceName", "Service/shop/db-headless", Need.LATE_BINDING),
                Arguments.of("ingressClassName", """
                                apiVersion: networking.k8s.io/v1
                                kind: Ingress
                                metadata: {name: web, namespace: shop}
                                spec: {ingressClassName: alb}
                                """,
                        "spec.ingressClassName", "IngressClass/alb", Need.REQUIRED),
                Arguments.of("legacy ingress class annotation", """
                                apiVersion: networking.k8s.io/v1
                                kind: Ingress
                                metadata:
                                  name: web
                                  namespace: shop
                                  annotations: {kubernetes.io/ingress.class: nginx}
                                """,
                        "metadata.annotations[kubernetes.io/ingress.class]", "IngressClass/nginx",
                        Need.LATE_BINDING),
                Arguments.of("Ingress TLS secret", """
                                apiVersion: networking.k8s.io/v1
                                kind: Ingress
                                metadata: {name: web, namespace: shop}
                                spec: {tls: [{hosts: [a.example.com], secretName: web-tls}]}
                                """,
                        "spec.tls[0].secretName", "Secret/shop/web-tls", Need.REQUIRED),
                Arguments.of("IngressClass parameters", """
                                apiVersion: networking.k8s.io/v1
                                kind: IngressClass
                                metadata: {name: alb}
                                spec:
                                  controller: ingress.k8s.aws/alb
                                  parameters: {apiGroup: elbv2.k8s.aws, kind: IngressClassParams, name: alb-params}
                                """,
                        "spec.parameters", "IngressClassParams/alb-params", Need.REQUIRED),
                Arguments.of("ServiceAccount pull secret", """
                                apiVersion: v1
                                kind: ServiceAccount
                                metadata: {name: api, namespace: shop}
                                imagePullSecrets: [{name: regcred}]
                                """,
                        "imagePullSecrets[0]", "Secret/shop/regcred", Need.REQUIRED),
                Arguments.of("HPA scale target", """
                                apiVersion: autoscaling/v2
                                kind: HorizontalPodAutoscaler
                                metadata: {name: api, namespace: shop}
                                spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}}
                                """,
                        "spec.scaleTargetRef", "Deployment/shop/api", Need.LATE_BINDING),
                Arguments.of("RoleBinding roleRef", """
                                apiVersion: rbac.authorization.k8s.io/v1
                                kind: RoleBinding
                                metadata: {name: rb, namespace: shop}
                                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
                                """,
                        "roleRef", "Role/shop/reader", Need.REQUIRED),
                Arguments.of("RoleBinding subject in another namespace", """
                                apiVersion: rbac.authorization.k8s.io/v1
                                kind: RoleBinding
                                metadata: {name: rb, namespace: shop}
                                subjects:
                                  - {kind: User, name: alice}
                                  - {kind: ServiceAccount, name: deployer, namespace: ci}
                                """,
                        "subjects[1]", "ServiceAccount/ci/deployer", Need.LATE_BINDING),
                Arguments.of("ClusterRoleBinding roleRef", """
                                apiVersion: rbac.authorization.k8s.io/v1
                                kind: ClusterRoleBinding
                                metadata: {name: crb}
                                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
                                """,
                        "roleRef", "ClusterRole/reader", Need.REQUIRED),
                Arguments.of("ClusterRoleBinding subject", """
                                apiVersion: rbac.authorization.k8s.io/v1
                                kind: ClusterRoleBinding
                                metadata: {name: crb}
                                subjects: [{kind: ServiceAccount, name: agent, namespace: monitoring}]
                                """,
                        "subjects[0]", "ServiceAccount/monitoring/agent", Need.LATE_BINDING),
                Arguments.of("Karpenter v1 nodeClassRef", """
                                apiVersion: karpenter.sh/v1
                                kind: NodePool
                                metadata: {name: general}
                                spec:
                                  template:
                                    spec:
                                      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                                """,
                        "spec.template.spec.nodeClassRef", "EC2NodeClass/default", Need.REQUIRED),
                Arguments.of("Karpenter v1beta1 nodeClassRef", """
                                apiVersion: karpenter.sh/v1beta1
                                kind: NodePool
                                metadata: {name: general}
                                spec:
                                  template:
                                    spec:
                                      nodeClassRef: {apiVersion: karpenter.azure.com/v1beta1, kind: AKSNodeClass, name: default}
                                """,
                        "spec.template.spec.nodeClassRef", "AKSNodeClass/default", Need.REQUIRED),
                Arguments.of("External Secrets store", """
                                apiVersion: external-secrets.io/v1beta1
                                kind: ExternalSecret
                                metadata: {name: db, namespace: shop}
                                spec: {secretStoreRef: {name: aws, kind: ClusterSecretStore}}
                                """,
                        "spec.secretStoreRef", "ClusterSecretStore/aws", Need.REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheReferenceWithItsPath(String name, String yaml, String path, String target, Need need) {
        List<Reference> references = scanner.scan(Objects.one(yaml));

        assertThat(references)
                .filteredOn(r -> r.path().equals(path))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.to()).hasToString(target);
                    assertThat(r.need()).isEqualTo(need);
                });
    }

    @Test
    void groupOnlyReferencesCompareEqualToTheObjectsTheyName() {
        Reference reference = scanner.scan(Objects.one("""
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: general}
                spec: {template: {spec: {nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}}}}
                """)).get(0);

        assertThat(reference.to()).isEqualTo(Objects.one("""
                apiVersion: karpenter.k8s.aws/v1beta1
                kind: EC2NodeClass
                metadata: {name: default}
                """).key());
    }

    @Test
    void serviceSelectorsAndEmptyNamesAreNotReferences() {
        assertThat(scanner.scan(Objects.one("""
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec: {selector: {app: api}, ports: [{port: 80}]}
                """))).isEmpty();
        assertThat(scanner.scan(Objects.one("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec: {storageClassName: ""}
                """))).isEmpty();
    }

    @Test
    void listsEveryReferenceOfAWorkloadInOrder() {
        List<Reference> references = scanner.scan(Objects.one(deployment("""
                serviceAccountName: api
                containers:
                  - name: a
                    envFrom: [{configMapRef: {name: cfg}}, {secretRef: {name: sec}}]
                volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
                """)));

        assertThat(references).extracting(r -> r.to().toString()).containsExactly("ServiceAccount/shop/api",
                "ConfigMap/shop/cfg", "Secret/shop/sec", "PersistentVolumeClaim/shop/data");
    }
}
