package dev.ferry.plan.waves;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Cuts a proposed estate into waves (DESIGN.md): wave 0 the platform (every cluster-scoped object: Namespaces, CRDs,
 * classes, Karpenter node pools and classes, cluster RBAC); then one wave per namespace for its stateless objects,
 * a namespace after the namespaces it refers to where the references allow; then each stateful workload (a
 * StatefulSet, or a Deployment that mounts a claim) on its own with its claims and the objects only it uses.
 * Stateless and thread-safe; linear in the size of the estate.
 */
public final class WavePlanner {

    static final String PLATFORM_NAME = "platform";
    /** The wave of namespaced objects written without a namespace, applied to the target's default namespace. */
    static final String NO_NAMESPACE_NAME = "no namespace";

    /** The plan the planner proposes for this estate. */
    public WavePlan auto(Collection<KubeObject> proposed) {
        return auto(new EstateGraph(proposed));
    }

    /**
     * The user's plan brought up to date with the estate: objects that are still proposed stay where the user put
     * them (and the waves keep their names), objects no longer proposed leave the plan, a wave that only they held
     * goes, and new objects go where {@link #auto} would put them: into the wave that holds most of their
     * automatic wave-mates, else a wave of the same name, else a new wave at the end.
     */
    public WavePlan reconcile(WavePlan edited, Collection<KubeObject> proposed) {
        EstateGraph graph = new EstateGraph(proposed);
        WavePlan automatic = auto(graph);
        List<List<ResourceKey>> members = new ArrayList<>();
        List<Wave> shapes = new ArrayList<>(edited.waves());
        for (Wave wave : edited.waves()) {
            // the proposed object's key: same object, but its apiVersion as the estate now writes it
            members.add(new ArrayList<>(wave.members().stream().filter(graph::contains)
                    .map(k -> graph.object(k).key()).toList()));
        }
        for (Wave autoWave : automatic.waves()) {
            List<ResourceKey> fresh = autoWave.members().stream().filter(k -> edited.waveOf(k).isEmpty()).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            int target = home(edited, autoWave, fresh, shapes);
            if (target == shapes.size()) {
                shapes.add(new Wave(target, autoWave.name(), autoWave.kind(), List.of()));
                members.add(new ArrayList<>());
            }
            members.get(target).addAll(fresh);
        }
        List<Wave> result = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Wave shape = shapes.get(i);
            boolean emptiedByEstate = members.get(i).isEmpty() && !shape.isEmpty();
            if (emptiedByEstate && shape.kind() != WaveKind.PLATFORM) {
                continue;
            }
            result.add(new Wave(result.size(), shape.name(), shape.kind(), members.get(i)));
        }
        return new WavePlan(result);
    }

    private static int home(WavePlan edited, Wave autoWave, List<ResourceKey> fresh, List<Wave> shapes) {
        Set<ResourceKey> freshSet = new HashSet<>(fresh);
        Map<Integer, Integer> votes = new TreeMap<>();
        for (ResourceKey mate : autoWave.members()) {
            if (!freshSet.contains(mate)) {
                OptionalInt wave = edited.waveOf(mate);
                wave.ifPresent(w -> votes.merge(w, 1, Integer::sum));
            }
        }
        if (!votes.isEmpty()) {
            return votes.entrySet().stream().max(Comparator.comparingInt((Map.Entry<Integer, Integer> e) -> e.getValue())
                    .thenComparing(e -> -e.getKey())).orElseThrow().getKey();
        }
        for (Wave shape : shapes) {
            if (shape.name().equals(autoWave.name())) {
                return shape.number();
            }
        }
        if (autoWave.kind() == WaveKind.PLATFORM) {
            for (Wave shape : shapes) {
                if (shape.kind() == WaveKind.PLATFORM) {
                    return shape.number();
                }
            }
        }
        return shapes.size();
    }

    private WavePlan auto(EstateGraph graph) {
        Map<ResourceKey, String> assigned = new HashMap<>();
        List<ResourceKey> platform = new ArrayList<>();
        for (KubeObject object : graph.objects()) {
            if (graph.clusterScoped(object.key()) && !object.kind().equals("PersistentVolume")) {
                platform.add(object.key());
                assigned.put(object.key(), PLATFORM_NAME);
            }
        }
        List<Wave> waves = new ArrayList<>();
        waves.add(new Wave(0, PLATFORM_NAME, WaveKind.PLATFORM, platform));

        Map<ResourceKey, List<ResourceKey>> stateful = new StatefulGrouping(graph, assigned).group();
        Map<String, List<ResourceKey>> byNamespace = new TreeMap<>();
        List<ResourceKey> unboundVolumes = new ArrayList<>();
        for (KubeObject object : graph.objects()) {
            if (assigned.containsKey(object.key())) {
                continue;
            }
            if (graph.clusterScoped(object.key())) {
                unboundVolumes.add(object.key());
            } else {
                byNamespace.computeIfAbsent(object.namespace(), n -> new ArrayList<>()).add(object.key());
            }
        }
        if (!unboundVolumes.isEmpty()) {
            platform.addAll(unboundVolumes);
            waves.set(0, new Wave(0, PLATFORM_NAME, WaveKind.PLATFORM, platform));
        }
        List<String> order = namespaceOrder(graph);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (String namespace : order) {
            List<ResourceKey> members = byNamespace.get(namespace);
            if (members != null) {
                waves.add(new Wave(waves.size(), namespace.isEmpty() ? NO_NAMESPACE_NAME : "namespace " + namespace,
                        WaveKind.STATELESS, members));
            }
        }
        List<ResourceKey> workloads = new ArrayList<>(stateful.keySet());
        workloads.sort(Comparator.comparingInt((ResourceKey k) -> position.getOrDefault(k.namespace(), 0))
                .thenComparing(ApplyOrder.KEYS));
        for (ResourceKey workload : workloads) {
            String name = workload.namespace().isEmpty() ? workload.name() : workload.namespace() + "/" + workload.name();
            waves.add(new Wave(waves.size(), "stateful " + name, WaveKind.STATEFUL, stateful.get(workload)));
        }
        return new WavePlan(waves);
    }

    /**
     * Namespaces in dependency order: one whose objects refer to another namespace's objects comes after it; ties
     * and cycles are broken by name (in a cycle, the namespace with the fewest unmet dependencies goes first).
     */
    private static List<String> namespaceOrder(EstateGraph graph) {
        Map<String, Set<String>> dependsOn = new TreeMap<>();
        for (KubeObject object : graph.objects()) {
            if (graph.clusterScoped(object.key())) {
                continue;
            }
            Set<String> needs = dependsOn.computeIfAbsent(object.namespace(), n -> new TreeSet<>());
            for (Reference reference : graph.references(object.key())) {
                String target = reference.to().namespace();
                if (!target.equals(object.namespace()) && graph.contains(reference.to())
                        && !graph.clusterScoped(reference.to())) {
                    needs.add(target);
                }
            }
        }
        dependsOn.values().forEach(needs -> needs.retainAll(dependsOn.keySet()));
        List<String> order = new ArrayList<>();
        Set<String> remaining = new TreeSet<>(dependsOn.keySet());
        Set<String> done = new HashSet<>();
        while (!remaining.isEmpty()) {
            String next = null;
            int fewest = Integer.MAX_VALUE;
            for (String namespace : remaining) {
                int unmet = 0;
                for (String need : dependsOn.get(namespace)) {
                    if (!done.contains(need)) {
                        unmet++;
                    }
                }
                if (unmet < fewest) {
                    fewest = unmet;
                    next = namespace;
                }
                if (unmet == 0) {
                    break;
                }
            }
            order.add(next);
            done.add(next);
            remaining.remove(next);
        }
        return order;
    }

    /**
     * Finds the stateful workloads and what goes with each: the claims it mounts (and claims its templates created),
     * the volumes bound to them, other pods that mount those claims, and the ConfigMaps, Secrets, ServiceAccounts,
     * SecretProviderClasses, Services, PDBs, NetworkPolicies and HPAs that serve only it.
     */
    private static final class StatefulGrouping {
        private static final Set<String> SELECTING_KINDS = Set.of("Service", "PodDisruptionBudget", "NetworkPolicy");

        private final EstateGraph graph;
        private final Map<ResourceKey, String> assigned;
        private final Map<String, Map<String, List<ResourceKey>>> podsByLabel = new HashMap<>();
        private final Map<ResourceKey, JsonNode> podLabels = new HashMap<>();
        private final Map<ResourceKey, Set<ResourceKey>> groupOf = new HashMap<>();
        /** Per group, its members in the order they were taken (identity: groups are mutable sets). */
        private final Map<Set<ResourceKey>, List<ResourceKey>> queues = new java.util.IdentityHashMap<>();

        StatefulGrouping(EstateGraph graph, Map<ResourceKey, String> assigned) {
            this.graph = graph;
            this.assigned = assigned;
        }

        Map<ResourceKey, List<ResourceKey>> group() {
            List<KubeObject> workloads = new ArrayList<>();
            Map<String, KubeObject> templateClaims = new HashMap<>();
            Map<ResourceKey, ResourceKey> volumeOfClaim = new HashMap<>();
            for (KubeObject object : graph.objects()) {
                if (PodTemplates.hasPodSpec(object) && !graph.clusterScoped(object.key())) {
                    indexLabels(object);
                    if (isStateful(object)) {
                        workloads.add(object);
                    }
                }
                if (object.kind().equals("StatefulSet")) {
                    for (JsonNode template : object.at("/spec/volumeClaimTemplates")) {
                        templateClaims.put(object.namespace() + "/" + template.path("metadata").path("name").asText()
                                + "-" + object.name(), object);
                    }
                }
                if (object.kind().equals("PersistentVolume")) {
                    JsonNode claim = object.at("/spec/claimRef");
                    if (claim.path("name").isTextual() && claim.path("namespace").isTextual()) {
                        volumeOfClaim.put(ResourceKey.of("v1", "PersistentVolumeClaim",
                                claim.path("namespace").asText(), claim.path("name").asText()), object.key());
                    }
                }
            }
            workloads.sort(ApplyOrder.OBJECTS);
            Map<ResourceKey, Set<ResourceKey>> groups = new LinkedHashMap<>();
            for (KubeObject workload : workloads) {
                Set<ResourceKey> members = new LinkedHashSet<>();
                groups.put(workload.key(), members);
                queues.put(members, new ArrayList<>());
                take(workload.key(), members);
            }
            claimTemplatesCreated(templateClaims);
            for (KubeObject workload : workloads) {
                Set<ResourceKey> members = groups.get(workload.key());
                for (Reference reference : graph.references(workload.key())) {
                    if (reference.to().kind().equals("PersistentVolumeClaim")) {
                        take(reference.to(), members);
                    }
                }
                // members taken while walking are walked too: a Secret only this wave's ServiceAccount pulls with
                List<ResourceKey> work = queues.get(members);
                for (int i = 0; i < work.size(); i++) {
                    ResourceKey member = work.get(i);
                    if (member.kind().equals("PersistentVolumeClaim")) {
                        coUsers(member, members);
                        ResourceKey volume = volumeOfClaim.get(member);
                        if (volume != null) {
                            take(volume, members);
                        }
                    }
                    satellites(member, members);
                }
            }
            selected();
            return groups.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> List.copyOf(e.getValue()), (a, b) -> a, LinkedHashMap::new));
        }

        private static boolean isStateful(KubeObject object) {
            if (object.kind().equals("StatefulSet")) {
                return true;
            }
            if (!object.kind().equals("Deployment")) {
                return false;
            }
            for (JsonNode volume : object.at("/spec/template/spec/volumes")) {
                if (volume.path("persistentVolumeClaim").path("claimName").isTextual()) {
                    return true;
                }
            }
            return false;
        }

        /** Claims named {@code <template>-<statefulset>-<ordinal>} belong to that StatefulSet. */
        private void claimTemplatesCreated(Map<String, KubeObject> templateClaims) {
            if (templateClaims.isEmpty()) {
                return;
            }
            for (KubeObject object : graph.objects()) {
                if (!object.kind().equals("PersistentVolumeClaim")) {
                    continue;
                }
                String name = object.name();
                int dash = name.lastIndexOf('-');
                if (dash > 0 && dash < name.length() - 1
                        && name.substring(dash + 1).chars().allMatch(Character::isDigit)) {
                    KubeObject owner = templateClaims.get(object.namespace() + "/" + name.substring(0, dash));
                    if (owner != null) {
                        take(object.key(), groupOf.get(owner.key()));
                    }
                }
            }
        }

        private void take(ResourceKey key, Set<ResourceKey> members) {
            if (graph.contains(key) && !assigned.containsKey(key)) {
                assigned.put(key, "stateful");
                members.add(key);
                groupOf.put(key, members);
                queues.get(members).add(key);
            }
        }

        /** Other pods that mount a claim of this wave (a backup CronJob) go with it. */
        private void coUsers(ResourceKey claim, Set<ResourceKey> members) {
            for (ResourceKey user : graph.referrers(claim)) {
                if (PodTemplates.hasPodSpec(graph.object(user))) {
                    take(user, members);
                }
            }
        }

        /** What the member refers to and nothing outside the wave uses, and the HPAs that scale it. */
        private void satellites(ResourceKey member, Set<ResourceKey> members) {
            for (Reference reference : graph.references(member)) {
                ResourceKey target = reference.to();
                if (!graph.clusterScoped(target) && members.containsAll(graph.referrers(target))) {
                    take(target, members);
                }
            }
            for (ResourceKey referrer : graph.referrers(member)) {
                if (referrer.kind().equals("HorizontalPodAutoscaler")
                        && members.containsAll(graph.referrers(referrer))) {
                    take(referrer, members);
                }
            }
        }

        /** Services, PDBs and NetworkPolicies whose selector picks pods of one stateful wave and no others. */
        private void selected() {
            if (groupOf.isEmpty()) {
                return;
            }
            for (KubeObject object : graph.objects()) {
                if (!SELECTING_KINDS.contains(object.kind()) || assigned.containsKey(object.key())) {
                    continue;
                }
                JsonNode selector = switch (object.kind()) {
                    case "Service" -> object.at("/spec/selector");
                    case "PodDisruptionBudget" -> object.at("/spec/selector").path("matchExpressions").isMissingNode()
                            ? object.at("/spec/selector/matchLabels") : null;
                    default -> object.at("/spec/podSelector").path("matchExpressions").isMissingNode()
                            ? object.at("/spec/podSelector/matchLabels") : null;
                };
                if (selector == null || !selector.isObject() || selector.isEmpty()) {
                    continue;
                }
                Set<Set<ResourceKey>> picked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                boolean statelessToo = false;
                for (ResourceKey pod : candidates(object.namespace(), selector)) {
                    if (matches(selector, podLabels.get(pod))) {
                        Set<ResourceKey> group = groupOf.get(pod);
                        if (group == null) {
                            statelessToo = true;
                        } else {
                            picked.add(group);
                        }
                    }
                }
                if (!statelessToo && picked.size() == 1) {
                    take(object.key(), picked.iterator().next());
                }
            }
        }

        /** The pods carrying the selector's rarest label: the only ones that can match. */
        private List<ResourceKey> candidates(String namespace, JsonNode selector) {
            Map<String, List<ResourceKey>> index = podsByLabel.getOrDefault(namespace, Map.of());
            List<ResourceKey> fewest = null;
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
                List<ResourceKey> pods = index.getOrDefault(entry.getKey() + "=" + entry.getValue().asText(), List.of());
                if (fewest == null || pods.size() < fewest.size()) {
                    fewest = pods;
                }
            }
            return fewest == null ? List.of() : fewest;
        }

        private static boolean matches(JsonNode selector, JsonNode labels) {
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
                JsonNode label = labels.path(entry.getKey());
                if (!label.isValueNode() || !label.asText().equals(entry.getValue().asText())) {
                    return false;
                }
            }
            return true;
        }

        private void indexLabels(KubeObject object) {
            PodTemplates.metadataPointer(object).ifPresent(pointer -> {
                JsonNode labels = object.at(pointer).path("labels");
                podLabels.put(object.key(), labels);
                Map<String, List<ResourceKey>> index = podsByLabel.computeIfAbsent(object.namespace(),
                        n -> new HashMap<>());
                labels.fields().forEachRemaining(e ->
                        index.computeIfAbsent(e.getKey() + "=" + e.getValue().asText(), l -> new ArrayList<>())
                                .add(object.key()));
            });
        }
    }
}
