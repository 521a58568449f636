package dev.ferry.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Waves of proposed objects as the plan hands them to apply: ordered, sanitized, Secrets redacted. */
public final class Fixtures {

    /** A Secret value that must never show up in a journal, a log or a message. */
    public static final String CANARY = "canary-Secret-Value-9c1f";

    private Fixtures() {
    }

    public static KubeObject object(String yaml) {
        return KubeObject.of((ObjectNode) Yaml.parse(yaml));
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The source Secret, with its value. */
    public static ObjectNode sourceSecret(String namespace) {
        return (ObjectNode) Yaml.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: " + namespace
                + ", labels: {app: db}}\ntype: Opaque\ndata: {password: " + base64(CANARY) + "}\n");
    }

    /** The Secret as propose carries it: key names and value digests only. */
    public static KubeObject proposedSecret(String namespace) {
        return new Sanitizer().sanitizeOne(KubeObject.of(sourceSecret(namespace)));
    }

    /** Where the operator supplies the Secret's value at apply time. */
    public static SecretValues secretValues(String namespace) {
        return SecretValues.fromEnvironment(Map.of("FERRY_SECRET_" + namespace.toUpperCase(Locale.ROOT)
                .replace('-', '_') + "__DB__PASSWORD", CANARY));
    }

    /** Objects every cluster can make ready (also real ones): namespace, config, secret, service, deployment. */
    public static List<KubeObject> portableWave(String namespace) {
        List<KubeObject> wave = new ArrayList<>();
        wave.add(object("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + namespace + "}\n"));
        wave.add(object("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: " + namespace + "}\n"));
        wave.add(object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: " + namespace
                + "}\ndata: {LOG_LEVEL: info}\n"));
        wave.add(proposedSecret(namespace));
        wave.add(object("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: " + namespace + "}\n"
                + "spec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n"));
        wave.add(object("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: " + namespace
                + ", labels: {app: web}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n"
                + "  template:\n    metadata: {labels: {app: web}}\n    spec:\n      serviceAccountName: web\n"
                + "      containers:\n      - name: web\n        image: registry.k8s.io/pause:3.9\n"
                + "        resources: {requests: {cpu: 10m, memory: 16Mi}}\n"));
        return wave;
    }

    /** The portable wave plus objects whose readiness takes a controller: a claim, a load balancer, an ingress. */
    public static List<KubeObject> fullWave(String namespace) {
        List<KubeObject> wave = new ArrayList<>(portableWave(namespace));
        wave.add(4, object("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: "
                + namespace + "}\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n"
                + "  resources: {requests: {storage: 1Gi}}\n"));
        wave.add(object("apiVersion: v1\nkind: Service\nmetadata: {name: web-public, namespace: " + namespace
                + "}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 443, targetPort: 8080}]\n"));
        wave.add(object("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: "
                + namespace + "}\nspec:\n  ingressClassName: alb\n  rules:\n  - host: shop.example.com\n"
                + "    http:\n      paths:\n      - path: /\n        pathType: Prefix\n"
                + "        backend: {service: {name: web, port: {number: 80}}}\n"));
        return wave;
    }

    public static KubeObject storageClass(String name) {
        return object("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: " + name + "}\n"
                + "provisioner: ebs.csi.aws.com\nvolumeBindingMode: Immediate\nparameters: {type: gp3}\n");
    }

    /** The API path of an object, as a regular expression for the sandbox's request log. */
    public static String pathOf(ResourceKey key) {
        String group = key.group();
        String prefix = group.isEmpty() ? "/api/" + key.apiVersion() : "/apis/" + key.apiVersion();
        String plural = switch (key.kind()) {
            case "Ingress" -> "ingresses";
            case "StorageClass" -> "storageclasses";
            case "PersistentVolumeClaim" -> "persistentvolumeclaims";
            default -> key.kind().toLowerCase(Locale.ROOT) + "s";
        };
        String path = key.namespace().isEmpty() ? prefix + "/" + plural + "/" + key.name()
                : prefix + "/namespaces/" + key.namespace() + "/" + plural + "/" + key.name();
        return Pattern.quote(path);
    }
}
