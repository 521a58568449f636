package dev.ferry.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one Kubernetes object: apiVersion, kind, namespace (empty for cluster-scoped objects) and name.
 *
 * <p>Two keys are equal when group, kind, namespace and name are equal: the version of the API an object was
 * read through does not make it another object.
 */
public record ResourceKey(String apiVersion, String kind, String namespace, String name)
        implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER = Comparator.comparing(ResourceKey::namespace)
            .thenComparing(ResourceKey::kind)
            .thenComparing(ResourceKey::name)
            .thenComparing(ResourceKey::group);

    public ResourceKey {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    public static ResourceKey of(String apiVersion, String kind, String namespace, String name) {
        return new ResourceKey(apiVersion, kind, namespace, name);
    }

    /** The API group: empty for the core group ({@code v1}). */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public boolean clusterScoped() {
        return namespace.isEmpty();
    }

    public boolean isKind(String group, String kindName) {
        return kind.equals(kindName) && group().equals(group);
    }

    /** Human form used in messages and the CLI: {@code Kind/namespace/name} or {@code Kind/name}. */
    @Override
    public String toString() {
        return clusterScoped() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    // equals and hashCode compare the group inside apiVersion without cutting it out: keys are hashed millions of
    // times while a large bundle opens, and a substring per call showed in its profile.
    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceKey that
                && kind.equals(that.kind) && namespace.equals(that.namespace) && name.equals(that.name)
                && sameGroup(that);
    }

    private boolean sameGroup(ResourceKey that) {
        int length = groupLength();
        return length == that.groupLength() && apiVersion.regionMatches(0, that.apiVersion, 0, length);
    }

    private int groupLength() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? 0 : slash;
    }

    /** The same value as {@code Objects.hash(kind, namespace, name, group())}. */
    @Override
    public int hashCode() {
        int groupHash = 0;
        for (int i = 0, length = groupLength(); i < length; i++) {
            groupHash = 31 * groupHash + apiVersion.charAt(i);
        }
        int hash = 1;
        hash = 31 * hash + kind.hashCode();
        hash = 31 * hash + namespace.hashCode();
        hash = 31 * hash + name.hashCode();
        return 31 * hash + groupHash;
    }

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }
}
