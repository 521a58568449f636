package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The discovery documents of a v1.30 API server: {@code /version}, {@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/GROUP}, {@code /apis/GROUP/VERSION}, built from the {@link ResourceCatalog} so CRDs appear as soon as
 * they are stored. Aggregated discovery is not offered: clients asking for it get the legacy documents (with a plain
 * {@code application/json} content type) and fall back, as they do against older servers.
 */
final class DiscoveryResponder {

    /** The version the sandbox reports; a real-looking Kubernetes release of the v1.30 line. */
    static final String GIT_VERSION = "v1.30.6";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CATEGORY_ALL = Set.of("Pod", "Service", "Deployment", "StatefulSet",
            "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "HorizontalPodAutoscaler");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    private final ResourceCatalog catalog;
    private final Supplier<String> serverAddress;

    DiscoveryResponder(ResourceCatalog catalog, Supplier<String> serverAddress) {
        this.catalog = catalog;
        this.serverAddress = serverAddress;
    }

    /** The discovery document for this path, if it is a discovery path. */
    Optional<JsonNode> respond(ApiPath path) {
        String p = path.path();
        if (p.equals("/version")) {
            return Optional.of(version());
        }
        if (p.equals("/api")) {
            ObjectNode versions = NODES.objectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                    .put("serverAddress", serverAddress.get());
            return Optional.of(versions);
        }
        if (p.equals("/apis")) {
            ObjectNode list = NODES.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode groups = list.putArray("groups");
            catalog.groups().forEach((group, versions) -> groups.add(group(group, versions)));
            return Optional.of(list);
        }
        if (p.startsWith("/apis/") && p.indexOf('/', 6) < 0) {
            String group = p.substring(6);
            List<String> versions = catalog.groups().get(group);
            return versions == null ? Optional.empty()
                    : Optional.of(group(group, versions).put("kind", "APIGroup").put("apiVersion", "v1"));
        }
        if (path.isGroupVersion()) {
            List<ResourceType> types = catalog.types(path.group(), path.version());
            return types.isEmpty() ? Optional.empty() : Optional.of(resourceList(types));
        }
        return Optional.empty();
    }

    /** The root document: every path the server serves. */
    JsonNode root() {
        ObjectNode root = NODES.objectNode();
        ArrayNode paths = root.putArray("paths");
        paths.add("/api").add("/api/v1").add("/apis");
        catalog.groups().forEach((group, versions) -> {
            paths.add("/apis/" + group);
            versions.forEach(version -> paths.add("/apis/" + group + "/" + version));
        });
        paths.add("/healthz").add("/livez").add("/readyz").add("/version");
        return root;
    }

    static ObjectNode version() {
        return NODES.objectNode().put("major", "1").put("minor", "30").put("gitVersion", GIT_VERSION)
                .put("gitCommit", "3c1e6c7d3bb9bd0cb79e7f7d7b1a2cf2d1d4a0e3").put("gitTreeState", "clean")
                .put("buildDate", "2024-10-22T20:37:37Z").put("goVersion", "go1.22.8").put("compiler", "gc")
                .put("platform", "linux/amd64");
    }

    private static ObjectNode group(String group, List<String> versions) {
        ObjectNode node = NODES.objectNode().put("name", group);
        ArrayNode array = node.putArray("versions");
        versions.forEach(v -> array.addObject().put("groupVersion", group + "/" + v).put("version", v));
        node.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0))
                .put("version", versions.get(0));
        return node;
    }

    private static ObjectNode resourceList(List<ResourceType> types) {
        ObjectNode list = NODES.objectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", types.get(0).apiVersion());
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode resource = resources.addObject().put("name", type.plural())
                    .put("singularName", type.singular()).put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            ArrayNode verbs = resource.putArray("verbs");
            ResourceType.VERBS.forEach(verbs::add);
            if (!type.shortNames().isEmpty()) {
                ArrayNode shortNames = resource.putArray("shortNames");
                type.shortNames().forEach(shortNames::add);
            }
            if (CATEGORY_ALL.contains(type.kind()) && type.group().matches("|apps|batch|autoscaling")) {
                resource.putArray("categories").add("all");
            }
            if (type.hasStatus()) {
                subresource(resources, type, "status", type.kind(), null);
            }
            if (SCALABLE.contains(type.kind())) {
                subresource(resources, type, "scale", "Scale", "autoscaling");
            }
        }
        return list;
    }

    private static void subresource(ArrayNode resources, ResourceType type, String name, String kind,
                                     String group) {
        ObjectNode resource = resources.addObject().put("name", type.plural() + "/" + name).put("singularName", "")
                .put("namespaced", type.namespaced());
        if (group != null) {
            resource.put("group", group).put("version", "v1");
        }
        resource.put("kind", kind);
        resource.putArray("verbs").add("get").add("patch").add("update");
    }
}
