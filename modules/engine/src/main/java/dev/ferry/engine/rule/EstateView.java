package dev.ferry.engine.rule;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only, indexed view of the sanitized source estate (and its Nodes) for rules. */
public final class EstateView {

    private final List<KubeObject> objects;
    private final List<KubeObject> nodes;
    private final Map<ResourceKey, KubeObject> byKey;
    private final Map<String, List<KubeObject>> byKind;
    private final Map<String, List<KubeObject>> byNamespace;
    private final Map<String, KubeObject> byKindNamespaceName;
    private final Map<String, List<KubeObject>> byKindNamespace;

    public EstateView(List<KubeObject> objects, List<KubeObject> nodes) {
        this.objects = List.copyOf(objects);
        this.nodes = List.copyOf(nodes);
        Map<ResourceKey, KubeObject> keys = new HashMap<>(objects.size() * 2);
        Map<String, List<KubeObject>> kinds = new LinkedHashMap<>();
        Map<String, List<KubeObject>> namespaces = new HashMap<>();
        Map<String, KubeObject> names = new HashMap<>(objects.size() * 2);
        Map<String, List<KubeObject>> kindsInNamespaces = new HashMap<>();
        for (KubeObject object : objects) {
            keys.put(object.key(), object);
            kinds.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
            namespaces.computeIfAbsent(object.namespace(), k -> new ArrayList<>()).add(object);
            names.putIfAbsent(nameKey(object.kind(), object.namespace(), object.name()), object);
            kindsInNamespaces.computeIfAbsent(kindKey(object.kind(), object.namespace()), k -> new ArrayList<>())
                    .add(object);
        }
        kindsInNamespaces.replaceAll((k, v) -> Collections.unmodifiableList(v));
        kinds.replaceAll((k, v) -> Collections.unmodifiableList(v));
        namespaces.replaceAll((k, v) -> Collections.unmodifiableList(v));
        this.byKey = keys;
        this.byKind = kinds;
        this.byNamespace = namespaces;
        this.byKindNamespaceName = names;
        this.byKindNamespace = kindsInNamespaces;
    }

    public List<KubeObject> objects() {
        return objects;
    }

    /** The source cluster's Nodes, sanitized; empty when the input was manifest files. */
    public List<KubeObject> nodes() {
        return nodes;
    }

    public Optional<KubeObject> find(ResourceKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Every object of a kind, in any group (kinds rarely collide; check the group where they can). */
    public List<KubeObject> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The named object of a kind in a namespace ({@code ""} for cluster-scoped), in any group. */
    public Optional<KubeObject> find(String kind, String namespace, String name) {
        return Optional.ofNullable(byKindNamespaceName.get(nameKey(kind, namespace, name)));
    }

    /** Every object in a namespace ({@code ""} for cluster-scoped objects and objects that name none). */
    public List<KubeObject> inNamespace(String namespace) {
        return byNamespace.getOrDefault(namespace, List.of());
    }

    /**
     * Every object of a kind, in any group, in a namespace ({@code ""} for cluster-scoped), in estate order: what
     * {@code ofKind(kind)} filtered by namespace gives, without scanning every object of the kind (a per-object
     * scan of the whole estate makes a rule quadratic in the estate's size).
     */
    public List<KubeObject> ofKind(String kind, String namespace) {
        return byKindNamespace.getOrDefault(kindKey(kind, namespace), List.of());
    }

    private static String kindKey(String kind, String namespace) {
        return kind + '\u0000' + namespace;
    }

    private static String nameKey(String kind, String namespace, String name) {
        return kind + '\u0000' + namespace + '\u0000' + name;
    }
}
