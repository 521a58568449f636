package dev.ferry.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ListPage;
import dev.ferry.cluster.connect.ResourceType;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a sandbox cluster the way a test checks it: every object, with the fields the server sets removed. */
final class LiveObjects implements AutoCloseable {

    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp",
            "generation", "managedFields", "selfLink");

    private final TargetCluster cluster;

    LiveObjects(Path kubeconfig, String context) throws Exception {
        this.cluster = new ClusterConnector().connectTarget(new KubeconfigLoader().load(kubeconfig), context);
    }

    /** Every object the cluster serves, by key, without server-set fields. */
    Map<String, JsonNode> snapshot() throws Exception {
        Map<String, JsonNode> objects = new TreeMap<>();
        for (ResourceType type : cluster.discover().types()) {
            if (!type.canList()) {
                continue;
            }
            String token = "";
            while (true) {
                ListPage page = cluster.list(type, null, 500, token);
                for (ObjectNode item : page.items()) {
                    item.put("apiVersion", type.apiVersion()).put("kind", type.kind());
                    objects.put(KubeObject.of(item).key().toString(), withoutServerFields(item));
                }
                if (page.last()) {
                    break;
                }
                token = page.continueToken();
            }
        }
        return objects;
    }

    Optional<ObjectNode> get(ResourceKey key) throws Exception {
        return cluster.get(key);
    }

    static ObjectNode withoutServerFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("status");
        if (copy.path("metadata") instanceof ObjectNode metadata) {
            SERVER_METADATA.forEach(metadata::remove);
        }
        return copy;
    }

    /**
     * Where {@code live} differs from {@code wanted}: every field of {@code wanted} must be in {@code live} with the
     * same value; fields only {@code live} has are the server's (defaults, status) and are ignored.
     */
    static List<String> differences(JsonNode wanted, JsonNode live) {
        List<String> differences = new ArrayList<>();
        compare("", wanted, live, differences);
        return differences;
    }

    private static void compare(String path, JsonNode wanted, JsonNode live, List<String> differences) {
        if (wanted.isObject()) {
            if (!live.isObject()) {
                differences.add(path + ": wanted an object, found " + live);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "/" + field.getKey(), field.getValue(), live.path(field.getKey()), differences);
            }
        } else if (wanted.isArray()) {
            if (!live.isArray() || live.size() != wanted.size()) {
                differences.add(path + ": wanted " + wanted + ", found " + live);
                return;
            }
            for (int i = 0; i < wanted.size(); i++) {
                compare(path + "/" + i, wanted.get(i), live.get(i), differences);
            }
        } else if (!wanted.equals(live) && !(wanted.isNumber() && live.isNumber()
                && wanted.decimalValue().compareTo(live.decimalValue()) == 0)) {
            differences.add(path + ": wanted " + wanted + ", found " + live);
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
