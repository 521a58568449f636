package dev.ferry.plan.waves;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.Reference;
import dev.ferry.plan.refs.ReferenceScanner;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proposed estate indexed once: objects by key, each object's references, and for every object that is in the
 * estate, who refers to it. Built in one pass so planning and checking stay linear in the estate's size.
 */
final class EstateGraph {

    private final Map<ResourceKey, KubeObject> objects = new LinkedHashMap<>();
    private final Map<ResourceKey, List<Reference>> references = new HashMap<>();
    private final Map<ResourceKey, Set<ResourceKey>> referrers = new HashMap<>();
    private final Scopes scopes;

    EstateGraph(Collection<KubeObject> estate) {
        ReferenceScanner scanner = new ReferenceScanner();
        for (KubeObject object : estate) {
            objects.putIfAbsent(object.key(), object);
        }
        scopes = new Scopes(objects.values());
        for (KubeObject object : objects.values()) {
            List<Reference> found = scanner.scan(object);
            references.put(object.key(), found);
            for (Reference reference : found) {
                if (objects.containsKey(reference.to())) {
                    referrers.computeIfAbsent(reference.to(), k -> new LinkedHashSet<>(4)).add(object.key());
                }
            }
        }
    }

    /** True for a cluster-scoped object; false for a namespaced one, with or without its namespace written. */
    boolean clusterScoped(ResourceKey key) {
        return scopes.clusterScoped(key);
    }

    Collection<KubeObject> objects() {
        return objects.values();
    }

    Set<ResourceKey> keys() {
        return objects.keySet();
    }

    KubeObject object(ResourceKey key) {
        return objects.get(key);
    }

    boolean contains(ResourceKey key) {
        return objects.containsKey(key);
    }

    List<Reference> references(ResourceKey key) {
        return references.getOrDefault(key, List.of());
    }

    /** The objects of the estate that refer to this one. */
    Set<ResourceKey> referrers(ResourceKey key) {
        return referrers.getOrDefault(key, Set.of());
    }
}
