package dev.ferry.sandbox;

import java.util.List;

/**
 * One kind the simulated API server serves: where it lives in the REST tree and what discovery says about it.
 *
 * @param group      API group, empty for the core group
 * @param version    API version inside the group
 * @param kind       the kind, e.g. {@code Deployment}
 * @param plural     the resource name in paths, e.g. {@code deployments}
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl short names
 * @param hasStatus  whether the kind has a {@code status} subresource (status is then ignored on main writes)
 */
record ResourceType(String group, String version, String kind, String plural, boolean namespaced,
                    List<String> shortNames, boolean hasStatus) {

    static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    ResourceType {
        shortNames = List.copyOf(shortNames);
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    String singular() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code /api/v1} or {@code /apis/GROUP/VERSION}. */
    String groupVersionPath() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    String collectionPath(String namespace) {
        return namespaced && namespace != null
                ? groupVersionPath() + "/namespaces/" + namespace + "/" + plural
                : groupVersionPath() + "/" + plural;
    }

    String objectPath(String namespace, String name) {
        return collectionPath(namespace) + "/" + name;
    }

    /** How real API servers name the resource in messages: {@code deployments.apps}, {@code configmaps}. */
    String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** {@code Deployment.apps}, as in "Deployment.apps "web" is invalid". */
    String qualifiedKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
