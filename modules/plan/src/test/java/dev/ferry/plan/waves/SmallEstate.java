package dev.ferry.plan.waves;

import dev.ferry.model.KubeObject;
import dev.ferry.plan.refs.Objects;
import java.util.List;

/** A hand-written estate: platform objects, two namespaces where `alpha` depends on `zeta`, and stateful data. */
final class SmallEstate {

    static final String PLATFORM = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: alpha}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: zeta}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: data}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: gp3}
            provisioner: ebs.csi.aws.com
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: alb}
            spec: {controller: ingress.k8s.aws/alb}
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects: [{kind: ServiceAccount, name: web, namespace: alpha}]
            """;

    static final String ZETA = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: deployer, namespace: zeta}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: zeta}
            """;

    static final String ALPHA = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: alpha}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config, namespace: alpha}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: alpha}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  serviceAccountName: web
                  priorityClassName: high
                  containers: [{name: web, image: web, envFrom: [{configMapRef: {name: web-config}}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: alpha}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: alpha}
            spec: {ingressClassName: alb}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: deployer, namespace: alpha}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects: [{kind: ServiceAccount, name: deployer, namespace: zeta}]
            """;

    static final String DATA = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: shared-config, namespace: data}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: postgres-secret, namespace: data}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: postgres, namespace: data}
            spec:
              serviceName: postgres
              selector: {matchLabels: {app: postgres}}
              template:
                metadata: {labels: {app: postgres}}
                spec:
                  containers:
                    - name: pg
                      image: postgres
                      envFrom: [{secretRef: {name: postgres-secret}}, {configMapRef: {name: shared-config}}]
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {storageClassName: gp3}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: postgres, namespace: data}
            spec: {clusterIP: None, selector: {app: postgres}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: postgres, namespace: data}
            spec: {minAvailable: 1, selector: {matchLabels: {app: postgres}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: files-data, namespace: data}
            spec: {storageClassName: gp3}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: files, namespace: data}
            spec:
              template:
                metadata: {labels: {app: files}}
                spec:
                  containers: [{name: files, image: files}]
                  volumes: [{name: d, persistentVolumeClaim: {claimName: files-data}}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup, namespace: data}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{name: b, image: backup}]
                      volumes: [{name: d, persistentVolumeClaim: {claimName: files-data}}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: metrics, namespace: data}
            spec:
              template:
                metadata: {labels: {app: metrics}}
                spec:
                  containers: [{name: m, image: m, envFrom: [{configMapRef: {name: shared-config}}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: metrics, namespace: data}
            spec: {selector: {app: metrics}}
            """;

    private SmallEstate() {
    }

    static List<KubeObject> objects() {
        return Objects.parse(PLATFORM + "---\n" + ALPHA + "---\n" + DATA + "---\n" + ZETA);
    }
}
