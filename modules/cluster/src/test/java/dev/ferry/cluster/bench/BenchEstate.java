package dev.ferry.cluster.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.Yaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Objects for the cluster benchmarks: per namespace, ConfigMaps, Secrets, Services and Deployments in the proportions
 * of a typical estate (4:2:2:2).
 */
final class BenchEstate {

    private BenchEstate() {
    }

    /** {@code count} objects (plus their namespaces) spread over namespaces of 500. */
    static List<ObjectNode> objects(String prefix, int count) {
        List<ObjectNode> objects = new ArrayList<>();
        int perNamespace = 500;
        for (int n = 0; n * perNamespace < count; n++) {
            String namespace = prefix + "-" + n;
            objects.add(yaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + namespace + "}\n"));
            int inThis = Math.min(perNamespace, count - n * perNamespace);
            for (int i = 0; i < inThis; i++) {
                objects.add(object(namespace, i));
            }
        }
        return objects;
    }

    static String secretValue(String namespace, int i) {
        return "bench-" + namespace + "-" + i;
    }

    private static ObjectNode object(String namespace, int i) {
        String meta = "metadata: {name: app-" + i + ", namespace: " + namespace + ", labels: {app: app-" + i + "}}\n";
        return switch (i % 10) {
            case 0, 1, 2, 3 -> yaml("apiVersion: v1\nkind: ConfigMap\n" + meta
                    + "data: {LOG_LEVEL: info, FEATURE_FLAGS: 'a,b,c', ENDPOINT: 'http://app-" + i + ":8080'}\n");
            case 4, 5 -> yaml("apiVersion: v1\nkind: Secret\n" + meta + "type: Opaque\ndata: {password: "
                    + Base64.getEncoder().encodeToString(secretValue(namespace, i).getBytes(StandardCharsets.UTF_8))
                    + "}\n");
            case 6, 7 -> yaml("apiVersion: v1\nkind: Service\n" + meta
                    + "spec: {selector: {app: app-" + i + "}, ports: [{port: 80, targetPort: 8080}]}\n");
            default -> yaml("apiVersion: apps/v1\nkind: Deployment\n" + meta + "spec:\n  replicas: 2\n"
                    + "  selector: {matchLabels: {app: app-" + i + "}}\n  template:\n"
                    + "    metadata: {labels: {app: app-" + i + "}}\n    spec:\n      containers:\n"
                    + "      - name: app\n        image: shopacr.azurecr.io/app:1.0." + i + "\n"
                    + "        resources: {requests: {cpu: 100m, memory: 128Mi}}\n");
        };
    }

    private static ObjectNode yaml(String text) {
        return (ObjectNode) Yaml.parse(text);
    }
}
