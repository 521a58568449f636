package dev.ferry.plan.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.ObjectNames;
import dev.ferry.plan.waves.Wave;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WaveKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the runbook of one wave: blockers, what to check before, the apply, what to verify, the maintenance window of a
 * stateful wave, the traffic shift per host, and the rollback. Steps are short and imperative; commands name the
 * bundle as {@code BUNDLE} and the clusters by context placeholders, which the report's header explains.
 */
final class RunbookBuilder {

    /** Beyond this many workloads a wave is verified per namespace, not per object. */
    private static final int VERIFY_EACH_LIMIT = 12;
    private static final Set<String> ROLLOUT_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    /** Kinds the verify checklist covers with their own step (an object without a namespace looks cluster-scoped). */
    private static final Set<String> VERIFIED_OTHERWISE = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job",
            "Service", "PersistentVolumeClaim", "Ingress", "ConfigMap", "Secret", "ServiceAccount", "CronJob",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "Role", "RoleBinding", "NetworkPolicy");

    private final ReportInput input;
    private final Clouds clouds;
    private final List<ReportModel.IdentityRow> identities;
    private final List<ReportModel.DataCopy> dataCopies;
    private final boolean hasImages;

    RunbookBuilder(ReportInput input, List<ReportModel.IdentityRow> identities, List<ReportModel.DataCopy> dataCopies,
                   boolean hasImages) {
        this.input = input;
        this.clouds = new Clouds(input.direction());
        this.identities = identities;
        this.dataCopies = dataCopies;
        this.hasImages = hasImages;
    }

    ReportModel.WaveRunbook build(Wave wave) {
        List<ReportModel.Blocker> blockers = input.blockers().stream().filter(b -> b.wave() == wave.number())
                .map(b -> blocker(b, wave)).toList();
        List<ReportModel.TrafficHost> hosts = hosts(wave);
        List<ReportModel.DataCopy> copies = dataCopies.stream()
                .filter(c -> c.wave().isPresent() && c.wave().get() == wave.number()).toList();
        boolean stateful = wave.kind() == WaveKind.STATEFUL || !copies.isEmpty();
        List<ReportModel.Section> sections = new ArrayList<>();
        sections.add(before(wave, blockers));
        if (stateful) {
            sections.add(maintenance(wave, copies));
        }
        sections.add(apply(wave));
        sections.add(verify(wave));
        if (stateful) {
            sections.add(switchOver(wave, copies, hosts));
        }
        if (!hosts.isEmpty()) {
            sections.add(traffic(hosts));
        }
        sections.add(rollback(wave, hosts, stateful));
        return new ReportModel.WaveRunbook(wave.number(), wave.name(), wave.kind().id(), blockers, groups(wave),
                hosts, sections);
    }

    /** The checker's message without its leading wave label, which the runbook's heading already gives. */
    private static ReportModel.Blocker blocker(WaveBlocker blocker, Wave wave) {
        String message = blocker.message();
        if (message.startsWith(wave.label() + ": ")) {
            message = message.substring(wave.label().length() + 2);
        }
        return new ReportModel.Blocker(blocker.kind().name(), blocker.object().toString(), message);
    }

    private static List<ReportModel.KindGroup> groups(Wave wave) {
        List<ReportModel.KindGroup> groups = new ArrayList<>();
        String kind = null;
        List<String> names = new ArrayList<>();
        for (ResourceKey key : wave.members()) {
            if (!key.kind().equals(kind)) {
                if (kind != null) {
                    groups.add(new ReportModel.KindGroup(kind, names));
                }
                kind = key.kind();
                names = new ArrayList<>();
            }
            names.add(key.clusterScoped() ? key.name() : key.namespace() + "/" + key.name());
        }
        if (kind != null) {
            groups.add(new ReportModel.KindGroup(kind, names));
        }
        return groups;
    }

    private ReportModel.Section before(Wave wave, List<ReportModel.Blocker> blockers) {
        List<String> steps = new ArrayList<>();
        if (!blockers.isEmpty()) {
            steps.add("Clear the " + blockers.size() + " blocker" + (blockers.size() == 1 ? "" : "s")
                    + " above; `ferry plan BUNDLE` must list this wave without blockers.");
        }
        if (wave.number() == 0 && hasImages) {
            steps.add("Confirm every image of the image copy list is on the " + clouds.target() + " registry.");
        }
        List<String> saHere = identities.stream().filter(i -> wave.members().stream()
                .anyMatch(k -> k.isKind("", "ServiceAccount") && i.serviceAccount().equals(k.namespace() + "/"
                        + k.name()))).map(ReportModel.IdentityRow::serviceAccount).toList();
        if (!saHere.isEmpty()) {
            steps.add("Confirm the cloud identities of " + String.join(", ", saHere) + " exist on "
                    + (clouds.toEks() ? "AWS (IAM roles and trust policies)" : "Azure (managed identities and "
                    + "federated credentials)") + ": see the identity table.");
        }
        steps.add("Check you are on the " + clouds.target() + " cluster: `kubectl config current-context` shows "
                + clouds.targetContext() + ".");
        steps.add("Dry-run the wave: `ferry apply BUNDLE --wave " + wave.number() + " --context "
                + clouds.targetContext() + " --dry-run`. It must end without errors.");
        return new ReportModel.Section("before", "Before you start", steps);
    }

    private ReportModel.Section maintenance(Wave wave, List<ReportModel.DataCopy> copies) {
        List<String> steps = new ArrayList<>();
        steps.add("Announce the maintenance window for " + wave.name() + " and get the data owner's go.");
        steps.add("Back up the source volumes (a snapshot on " + clouds.source() + ") so the window can be undone.");
        List<String> writers = workloads(wave).stream().filter(k -> !k.kind().equals("StatefulSet")).map(k -> "`kubectl scale " + k.kind().toLowerCase(Locale.ROOT)
                + "/" + k.name() + ns(k) + " --replicas=0 --context " + clouds.sourceContext() + "`")
                .toList();
        steps.add("Quiesce writes on " + clouds.source() + ": stop the applications that write to this data "
                + "(read-only mode, or scale the writers to 0)" + (writers.isEmpty() ? "." : ", for example "
                + String.join(", ", writers) + "."));
        if (copies.isEmpty()) {
            steps.add("Final data sync: copy the data written since the last sync to the " + clouds.target()
                    + " volumes.");
        }
        for (ReportModel.DataCopy copy : copies) {
            steps.add("Final data sync of " + copy.resource() + " (" + copy.claim() + (copy.size().isEmpty() ? ""
                    : ", " + copy.size()) + "): " + copy.method() + ".");
        }
        return new ReportModel.Section("maintenance", "Maintenance window: quiesce and sync", steps);
    }

    private ReportModel.Section apply(Wave wave) {
        List<String> steps = new ArrayList<>();
        steps.add("Apply: `ferry apply BUNDLE --wave " + wave.number() + " --context " + clouds.targetContext()
                + "`. Ferry applies the " + wave.members().size() + " objects in the order below and waits for each "
                + "to be ready.");
        List<ResourceKey> secrets = keys(wave, "", "Secret");
        if (!secrets.isEmpty()) {
            steps.add("This wave has " + secrets.size() + " Secret" + (secrets.size() == 1 ? "" : "s") + " whose values "
                    + "are not in the bundle: add `--secrets-dir DIR` (one file per key: DIR/<namespace>/<name>/<key>) "
                    + "or set `FERRY_SECRET_<NAMESPACE>__<NAME>__<KEY>` variables.");
        }
        steps.add("If it stops on an error, read the object it names, fix it in the bundle, and run the same command "
                + "again (applying is idempotent).");
        return new ReportModel.Section("apply", "Apply", steps);
    }

    private ReportModel.Section verify(Wave wave) {
        List<String> steps = new ArrayList<>();
        String ctx = " --context " + clouds.targetContext();
        List<ResourceKey> workloads = workloads(wave);
        if (workloads.size() > VERIFY_EACH_LIMIT) {
            namespaces(workloads).forEach(ns -> steps.add("Workloads in " + label(ns) + " are ready: `kubectl get "
                    + "deploy,statefulset,daemonset" + flag(ns) + ctx + "` shows READY equal to desired."));
        } else {
            workloads.forEach(k -> steps.add("Rolled out: `kubectl rollout status " + k.kind().toLowerCase(Locale.ROOT)
                    + "/" + k.name() + ns(k) + ctx + " --timeout=10m`."));
        }
        keys(wave, "batch", "Job").forEach(k -> steps.add("Job done: `kubectl wait --for=condition=complete job/"
                + k.name() + ns(k) + ctx + " --timeout=10m`."));
        List<ResourceKey> services = keys(wave, "", "Service").stream().filter(this::hasSelector).toList();
        if (services.size() > VERIFY_EACH_LIMIT) {
            namespaces(services).forEach(ns -> steps.add("Services in " + label(ns) + " have endpoints: `kubectl get "
                    + "endpoints" + flag(ns) + ctx + "` shows no empty ENDPOINTS."));
        } else {
            services.forEach(k -> steps.add("Endpoints: `kubectl get endpoints " + k.name() + ns(k) + ctx
                    + "` lists pod addresses."));
        }
        Set<String> claimNamespaces = new LinkedHashSet<>();
        keys(wave, "", "PersistentVolumeClaim").forEach(k -> claimNamespaces.add(k.namespace()));
        keys(wave, "apps", "StatefulSet").stream().filter(k -> proposedBody(k).path("spec")
                .path("volumeClaimTemplates").size() > 0).forEach(k -> claimNamespaces.add(k.namespace()));
        claimNamespaces.forEach(ns -> steps.add("Volumes bound: `kubectl get pvc" + flag(ns) + ctx
                + "` shows every claim Bound."));
        keys(wave, "networking.k8s.io", "Ingress").forEach(k -> steps.add("Ingress has an address: `kubectl get "
                + "ingress " + k.name() + ns(k) + ctx + "` shows ADDRESS (the " + clouds.loadBalancer()
                + ")."));
        loadBalancers(wave).forEach(k -> steps.add("Load balancer provisioned: `kubectl get service " + k.name() + ns(k) + ctx + "` shows EXTERNAL-IP."));
        if (wave.kind() == WaveKind.PLATFORM) {
            platformChecks(wave).forEach(steps::add);
        }
        steps.add("No pod is crash-looping: `kubectl get pods -A" + ctx + " --field-selector=status.phase!=Running`"
                + " lists only completed Jobs.");
        return new ReportModel.Section("verify", "Verify", steps);
    }

    private List<String> platformChecks(Wave wave) {
        Map<String, List<String>> byKind = new TreeMap<>();
        for (ResourceKey key : wave.members()) {
            if (key.clusterScoped() && !VERIFIED_OTHERWISE.contains(key.kind())) {
                byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.name());
            }
        }
        List<String> steps = new ArrayList<>();
        byKind.forEach((kind, names) -> steps.add(kind + " present: `kubectl get " + kind.toLowerCase(Locale.ROOT)
                + " " + String.join(" ", names.stream().limit(VERIFY_EACH_LIMIT).toList()) + " --context "
                + clouds.targetContext() + "`" + (names.size() > VERIFY_EACH_LIMIT ? " (and " + (names.size()
                - VERIFY_EACH_LIMIT) + " more)" : "") + "."));
        return steps;
    }

    private ReportModel.Section switchOver(Wave wave, List<ReportModel.DataCopy> copies,
                                           List<ReportModel.TrafficHost> hosts) {
        List<String> steps = new ArrayList<>();
        steps.add("Verify the data on " + clouds.target() + ": row counts or checksums of "
                + (copies.isEmpty() ? "the copied data" : String.join(", ", copies.stream()
                .map(ReportModel.DataCopy::resource).distinct().toList())) + " match the source.");
        steps.add("Switch: point the clients of " + wave.name() + " at " + clouds.target()
                + (hosts.isEmpty() ? " (connection strings or in-cluster Service names)." : " (traffic shift below)."));
        steps.add("Open writes on " + clouds.target() + " only; keep the " + clouds.source() + " copy read-only and "
                + "untouched until the wave is signed off.");
        steps.add("Close the maintenance window and note the time of the switch: data written on " + clouds.target()
                + " after it is lost by a rollback unless copied back.");
        return new ReportModel.Section("switch", "Maintenance window: switch and verify", steps);
    }

    private ReportModel.Section traffic(List<ReportModel.TrafficHost> hosts) {
        List<String> steps = new ArrayList<>();
        String names = String.join(", ", hosts.stream().map(ReportModel.TrafficHost::host).distinct().toList());
        steps.add("Lower the DNS TTL of " + names + " to 60 s at least one old TTL before the shift.");
        steps.add("Read the new address of each host once the verify steps pass (table below).");
        steps.add("Send 5% to " + clouds.target() + " with " + clouds.weightedDns() + ": source 95, target 5.");
        steps.add("Watch 15 minutes: 5xx rate and p99 latency on the " + clouds.target() + " load balancer against the "
                + clouds.source() + " baseline, pod restarts, application error logs. Roll back if any is worse.");
        steps.add("Send 25%; watch 30 minutes, the same signals, plus database connections and queue depths.");
        steps.add("Send 100%; keep the " + clouds.source() + " side serving at weight 0 until the wave is signed off.");
        return new ReportModel.Section("traffic", "Traffic shift (5% → 25% → 100%)", steps);
    }

    private ReportModel.Section rollback(Wave wave, List<ReportModel.TrafficHost> hosts, boolean stateful) {
        List<String> steps = new ArrayList<>();
        if (!hosts.isEmpty()) {
            steps.add("First move the DNS weight back: " + clouds.source() + " 100, " + clouds.target() + " 0 for "
                    + String.join(", ", hosts.stream().map(ReportModel.TrafficHost::host).distinct().toList())
                    + "; wait one TTL and see traffic on " + clouds.source() + ".");
        }
        if (stateful) {
            steps.add("Stop writes on " + clouds.target() + "; decide with the data owner whether data written since "
                    + "the switch is copied back to " + clouds.source() + " or given up.");
        }
        steps.add("Roll back the wave: `ferry rollback BUNDLE --wave " + wave.number() + " --context "
                + clouds.targetContext() + "` (deletes what the wave created, restores what it replaced).");
        if (stateful) {
            steps.add("Re-open writes on " + clouds.source() + ": scale the writers back up on "
                    + clouds.sourceContext() + " and check the application works there.");
        }
        steps.add("Record what failed and why before trying the wave again.");
        return new ReportModel.Section("rollback", "Rollback", steps);
    }

    private List<ReportModel.TrafficHost> hosts(Wave wave) {
        List<ReportModel.TrafficHost> hosts = new ArrayList<>();
        String ctx = " --context " + clouds.targetContext();
        for (ResourceKey key : keys(wave, "networking.k8s.io", "Ingress")) {
            String address = "`kubectl get ingress " + key.name() + ns(key) + ctx
                    + " -o jsonpath='{.status.loadBalancer.ingress[0]." + clouds.addressField() + "}'`";
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode rule : proposedBody(key).path("spec").path("rules")) {
                if (!rule.path("host").asText("").isEmpty()) {
                    names.add(rule.path("host").asText());
                }
            }
            if (names.isEmpty()) {
                names.add("(no host: " + ObjectNames.describe(key) + ")");
            }
            names.forEach(name -> hosts.add(new ReportModel.TrafficHost(name, key.toString(), address)));
        }
        for (ResourceKey key : loadBalancers(wave)) {
            String dns = input.proposedObjects().get(key).annotations()
                    .getOrDefault("external-dns.alpha.kubernetes.io/hostname", "");
            hosts.add(new ReportModel.TrafficHost(dns.isEmpty() ? ObjectNames.describe(key) : dns,
                    key.toString(), "`kubectl get service " + key.name() + ns(key) + ctx
                    + " -o jsonpath='{.status.loadBalancer.ingress[0]." + clouds.addressField() + "}'`"));
        }
        return hosts;
    }

    private List<ResourceKey> loadBalancers(Wave wave) {
        return keys(wave, "", "Service").stream()
                .filter(k -> "LoadBalancer".equals(proposedBody(k).path("spec").path("type").asText())).toList();
    }

    private boolean hasSelector(ResourceKey service) {
        JsonNode spec = proposedBody(service).path("spec");
        return spec.path("selector").size() > 0 && !"ExternalName".equals(spec.path("type").asText());
    }

    private List<ResourceKey> workloads(Wave wave) {
        return wave.members().stream().filter(k -> ROLLOUT_KINDS.contains(k.kind()) && k.group().equals("apps"))
                .toList();
    }

    /** {@code  -n NS}, or nothing for an object without a namespace (applied to the context's default). */
    private static String ns(ResourceKey key) {
        return key.namespace().isEmpty() ? "" : " -n " + key.namespace();
    }

    private static List<ResourceKey> keys(Wave wave, String group, String kind) {
        return wave.members().stream().filter(k -> k.isKind(group, kind)).toList();
    }

    private static String flag(String namespace) {
        return namespace.isEmpty() ? "" : " -n " + namespace;
    }

    private static String label(String namespace) {
        return namespace.isEmpty() ? "the default namespace" : namespace;
    }

    private static Set<String> namespaces(List<ResourceKey> keys) {
        Set<String> namespaces = new LinkedHashSet<>();
        keys.forEach(k -> namespaces.add(k.namespace()));
        return namespaces;
    }

    private JsonNode proposedBody(ResourceKey key) {
        KubeObject object = input.proposedObjects().get(key);
        return object == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : object.body();
    }
}
