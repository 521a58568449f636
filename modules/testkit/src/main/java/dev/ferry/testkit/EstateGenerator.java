package dev.ferry.testkit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic AKS estates of any size, deterministically from a seed: namespaces of stateless and stateful
 * apps where every edge appears in realistic proportions (ACR images and pull secrets, Workload ID ServiceAccounts,
 * AGIC Ingresses, Azure load balancers, Azure Disk and Files claims, Key Vault SecretProviderClasses, AKS node
 * selectors, zone affinities, Azure Monitor pod monitors), plus portable objects, cross-namespace references and
 * Secrets whose values are canaries that must never appear in any output.
 */
public final class EstateGenerator {

    /** Every Secret value the generator writes starts with this, so a sweep can look for it. */
    public static final String CANARY_PREFIX = "FERRY-CANARY-";

    /** The namespace {@link #withSharedNamespace()} adds. */
    public static final String SHARED_NAMESPACE = "shared";

    private final long seed;
    private final boolean sharedNamespace;

    public EstateGenerator(long seed) {
        this(seed, false);
    }

    private EstateGenerator(long seed, boolean sharedNamespace) {
        this.seed = seed;
        this.sharedNamespace = sharedNamespace;
    }

    /**
     * The same estate plus a {@code shared} namespace that the team namespaces reference across namespaces: each
     * team namespace binds the ClusterRole {@code shared-config-reader} to the ServiceAccount {@code shared/deployer},
     * and {@code shared} binds a Role to the ServiceAccount {@code app0} of the first team namespace and holds a
     * StatefulSet. Without this option the output for a seed is unchanged (benchmarks rely on it).
     */
    public EstateGenerator withSharedNamespace() {
        return new EstateGenerator(seed, true);
    }

    /** One app's objects as YAML documents. About 12 objects per app on average. */
    List<String> app(Random random, String namespace, int index) {
        String name = "app" + index;
        boolean stateful = random.nextInt(4) == 0;
        boolean identity = random.nextInt(3) == 0;
        boolean ingress = !stateful && random.nextInt(2) == 0;
        boolean publicLb = !ingress && random.nextInt(5) == 0;
        List<String> docs = new ArrayList<>();
        docs.add(configMap(namespace, name, random));
        docs.add(secret(namespace, name, random));
        docs.add(serviceAccount(namespace, name, identity));
        docs.add(service(namespace, name, publicLb));
        docs.add(stateful ? statefulSet(namespace, name, random, identity) : deployment(namespace, name, random, identity));
        if (!stateful && random.nextInt(3) == 0) {
            docs.add(pvc(namespace, name, random));
        }
        if (ingress) {
            docs.add(ingress(namespace, name, random));
        }
        if (random.nextInt(4) == 0) {
            docs.add(secretProviderClass(namespace, name));
        }
        docs.add(hpa(namespace, name));
        docs.add(pdb(namespace, name));
        docs.add(networkPolicy(namespace, name));
        if (random.nextInt(6) == 0) {
            docs.add(podMonitor(namespace, name));
        }
        if (random.nextInt(5) == 0) {
            docs.add(cronJob(namespace, name));
        }
        return docs;
    }

    /** Writes an estate of about {@code objects} objects as one file per namespace; returns the object count. */
    public int writeFiles(Path dir, int objects) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        int written = 0;
        int namespaceIndex = 0;
        while (written < objects) {
            String namespace = "team-" + namespaceIndex++;
            try (Writer out = Files.newBufferedWriter(dir.resolve(namespace + ".yaml"), StandardCharsets.UTF_8)) {
                out.write(namespace(namespace));
                written++;
                out.write(acrPullSecret(namespace));
                written++;
                for (int app = 0; app < 8 && written < objects; app++) {
                    for (String doc : app(random, namespace, app)) {
                        out.write("---\n");
                        out.write(doc);
                        written++;
                    }
                }
                if (sharedNamespace) {
                    out.write("---\n");
                    out.write(sharedDeployerBinding(namespace));
                    written++;
                }
            }
        }
        if (sharedNamespace) {
            written += writeShared(dir);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("_platform.yaml"), StandardCharsets.UTF_8)) {
            out.write(storageClass());
            out.write("---\n");
            out.write(ingressClass());
            written += 2;
        }
        return written;
    }

    private static String sharedDeployerBinding(String namespace) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: shared-deployer\n"
                + "  namespace: " + namespace + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n"
                + "  name: shared-config-reader\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n"
                + "    namespace: " + SHARED_NAMESPACE + "\n";
    }

    private static int writeShared(Path dir) throws IOException {
        String ns = SHARED_NAMESPACE;
        List<String> docs = List.of(
                namespace(ns),
                "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: deployer\n  namespace: " + ns + "\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prices\n  namespace: " + ns
                        + "\ndata:\n  CURRENCY: EUR\n",
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: shared-config-reader\n"
                        + "rules:\n  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n",
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: prices-reader\n  namespace: "
                        + ns + "\nrules:\n  - apiGroups: [\"\"]\n    resources: [configmaps]\n"
                        + "    resourceNames: [prices]\n    verbs: [get]\n",
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: team-0-reads-prices\n"
                        + "  namespace: " + ns + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n"
                        + "  name: prices-reader\nsubjects:\n  - kind: ServiceAccount\n    name: app0\n"
                        + "    namespace: team-0\n",
                "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: cache\n  namespace: " + ns
                        + "\nspec:\n  serviceName: cache\n  replicas: 1\n  selector:\n    matchLabels:\n      app: cache\n"
                        + "  template:\n    metadata:\n      labels:\n        app: cache\n    spec:\n"
                        + "      serviceAccountName: deployer\n      containers:\n        - name: cache\n"
                        + "          image: redis:7\n          envFrom:\n            - configMapRef: {name: prices}\n"
                        + "  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n"
                        + "        accessModes: [ReadWriteOnce]\n        storageClassName: managed-csi\n"
                        + "        resources:\n          requests:\n            storage: 1Gi\n");
        try (Writer out = Files.newBufferedWriter(dir.resolve("_shared.yaml"), StandardCharsets.UTF_8)) {
            out.write(String.join("---\n", docs));
        }
        return docs.size();
    }

    private static String namespace(String name) {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n  labels:\n    team: " + name + "\n";
    }

    private static String acrPullSecret(String namespace) {
        String config = "{\"auths\":{\"shopacr.azurecr.io\":{\"auth\":\""
                + Base64.getEncoder().encodeToString((CANARY_PREFIX + "pull-" + namespace).getBytes(StandardCharsets.UTF_8))
                + "\"}}}";
        return "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: acr-pull\n  namespace: " + namespace
                + "\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: "
                + Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    private static String configMap(String ns, String name, Random random) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "-config\n  namespace: " + ns
                + "\ndata:\n  LOG_LEVEL: info\n  UPSTREAM: http://app" + random.nextInt(8) + ".team-0.svc.cluster.local\n";
    }

    private String secret(String ns, String name, Random random) {
        String value = CANARY_PREFIX + seed + "-" + ns + "-" + name + "-" + random.nextInt(1_000_000);
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "-secret\n  namespace: " + ns
                + "\ntype: Opaque\ndata:\n  password: "
                + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                + "\nstringData:\n  token: " + value + "-plain\n";
    }

    private static String serviceAccount(String ns, String name, boolean identity) {
        String annotations = identity
                ? "  annotations:\n    azure.workload.identity/client-id: 00000000-0000-0000-0000-"
                        + String.format("%012d", Math.abs((ns + name).hashCode())) + "\n"
                : "";
        return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n"
                + annotations + "imagePullSecrets:\n  - name: acr-pull\n";
    }

    private static String service(String ns, String name, boolean publicLb) {
        String lb = publicLb
                ? "  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz\n"
                : "";
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n" + lb
                + "spec:\n  type: " + (publicLb ? "LoadBalancer" : "ClusterIP")
                + "\n  selector:\n    app: " + name + "\n  ports:\n    - port: 80\n      targetPort: 8080\n";
    }

    private static String podSpec(String name, Random random, boolean identity, String indent) {
        String i = indent;
        StringBuilder spec = new StringBuilder();
        spec.append(i).append("serviceAccountName: ").append(name).append('\n');
        spec.append(i).append("nodeSelector:\n").append(i).append("  kubernetes.azure.com/agentpool: user")
                .append(random.nextInt(2)).append('\n');
        spec.append(i).append("affinity:\n").append(i).append("  nodeAffinity:\n").append(i)
                .append("    requiredDuringSchedulingIgnoredDuringExecution:\n").append(i)
                .append("      nodeSelectorTerms:\n").append(i).append("        - matchExpressions:\n").append(i)
                .append("            - key: topology.kubernetes.io/zone\n").append(i)
                .append("              operator: In\n").append(i)
                .append("              values: [westeurope-1, westeurope-2]\n");
        spec.append(i).append("containers:\n").append(i).append("  - name: ").append(name).append('\n').append(i)
                .append("    image: shopacr.azurecr.io/shop/").append(name).append(":1.").append(random.nextInt(20))
                .append('\n').append(i).append("    envFrom:\n").append(i).append("      - configMapRef: {name: ")
                .append(name).append("-config}\n").append(i).append("      - secretRef: {name: ").append(name)
                .append("-secret}\n").append(i).append("    resources: {requests: {cpu: 100m, memory: 128Mi}}\n");
        return spec.toString();
    }

    private static String templateLabels(String name, boolean identity, String indent) {
        return indent + "labels:\n" + indent + "  app: " + name + "\n"
                + (identity ? indent + "  azure.workload.identity/use: \"true\"\n" : "");
    }

    private static String deployment(String ns, String name, Random random, boolean identity) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  replicas: " + (2 + random.nextInt(3)) + "\n  selector:\n    matchLabels:\n      app: "
                + name + "\n  template:\n    metadata:\n" + templateLabels(name, identity, "      ")
                + "    spec:\n" + podSpec(name, random, identity, "      ");
    }

    private static String statefulSet(String ns, String name, Random random, boolean identity) {
        return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  serviceName: " + name + "\n  replicas: 3\n  selector:\n    matchLabels:\n      app: "
                + name + "\n  template:\n    metadata:\n" + templateLabels(name, identity, "      ")
                + "    spec:\n" + podSpec(name, random, identity, "      ")
                + "  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n"
                + "        accessModes: [ReadWriteOnce]\n        storageClassName: managed-csi-premium\n"
                + "        resources:\n          requests:\n            storage: " + (8 << random.nextInt(5)) + "Gi\n";
    }

    private static String pvc(String ns, String name, Random random) {
        boolean files = random.nextBoolean();
        return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: " + name + "-data\n  namespace: " + ns
                + "\nspec:\n  accessModes: [" + (files ? "ReadWriteMany" : "ReadWriteOnce") + "]\n"
                + "  storageClassName: " + (files ? "azurefile-csi" : "shop-premium") + "\n  resources:\n"
                + "    requests:\n      storage: 10Gi\n";
    }

    private static String ingress(String ns, String name, Random random) {
        return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\n  annotations:\n    appgw.ingress.kubernetes.io/ssl-redirect: \"true\"\n"
                + "    appgw.ingress.kubernetes.io/health-probe-path: /healthz\n"
                + (random.nextBoolean() ? "    appgw.ingress.kubernetes.io/use-private-ip: \"true\"\n" : "")
                + "spec:\n  ingressClassName: azure-application-gateway\n  rules:\n    - host: " + name + "." + ns
                + ".shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n"
                + "            backend:\n              service:\n                name: " + name
                + "\n                port:\n                  number: 80\n";
    }

    private static String secretProviderClass(String ns, String name) {
        return "apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: " + name
                + "-kv\n  namespace: " + ns + "\nspec:\n  provider: azure\n  parameters:\n    keyvaultName: shop-kv\n"
                + "    clientID: 00000000-0000-0000-0000-000000000001\n"
                + "    tenantId: 00000000-0000-0000-0000-000000000002\n    objects: |\n      array:\n        - |\n"
                + "          objectName: " + name + "-db-password\n          objectType: secret\n";
    }

    private static String hpa(String ns, String name) {
        return "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: "
                + name + "}\n  minReplicas: 2\n  maxReplicas: 10\n";
    }

    private static String pdb(String ns, String name) {
        return "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: " + name + "\n";
    }

    private static String networkPolicy(String ns, String name) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name
                + "-allow-same-namespace\n  namespace: " + ns + "\nspec:\n  podSelector:\n    matchLabels:\n      app: "
                + name + "\n  ingress:\n    - from:\n        - podSelector: {}\n";
    }

    private static String podMonitor(String ns, String name) {
        return "apiVersion: azmonitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\nspec:\n  selector:\n    matchLabels:\n      app: " + name
                + "\n  podMetricsEndpoints:\n    - port: metrics\n";
    }

    private static String cronJob(String ns, String name) {
        return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: " + name + "-report\n  namespace: " + ns
                + "\nspec:\n  schedule: \"0 2 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                + "          restartPolicy: OnFailure\n          imagePullSecrets: [{name: acr-pull}]\n"
                + "          containers:\n            - name: report\n              image: shopacr.azurecr.io/shop/report@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
    }

    private static String storageClass() {
        return "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: shop-premium\n"
                + "provisioner: disk.csi.azure.com\nparameters:\n  skuName: Premium_LRS\nreclaimPolicy: Retain\n"
                + "allowVolumeExpansion: true\nvolumeBindingMode: WaitForFirstConsumer\n";
    }

    private static String ingressClass() {
        return "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: azure-application-gateway\n"
                + "spec:\n  controller: azure/application-gateway\n";
    }
}
