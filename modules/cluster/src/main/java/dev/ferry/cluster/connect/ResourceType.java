package dev.ferry.cluster.connect;

import java.util.Set;

/**
 * A resource type the server serves, from discovery: group (empty for core), the version Ferry uses (the group's
 * preferred one), kind, plural resource name, whether it is namespaced, and its verbs.
 */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced,
                           Set<String> verbs) {

    public ResourceType {
        verbs = Set.copyOf(verbs);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public boolean canList() {
        return verbs.contains("list");
    }

    /** The collection path for {@code apiVersion} (an object may use another version of the same group). */
    String collectionPath(String apiVersion, String namespace) {
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return namespaced && namespace != null && !namespace.isEmpty()
                ? prefix + "/namespaces/" + KubeApi.segment(namespace) + "/" + plural
                : prefix + "/" + plural;
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind + " (" + version + ")" : kind + " (" + group + "/" + version + ")";
    }
}
