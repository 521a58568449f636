package dev.ferry.plan.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration report and cutover runbook as data: what {@code ferry report} renders as Markdown, HTML or JSON.
 * Built by {@link ReportBuilder} from an open review session (decisions, waves and blockers included) or, at propose
 * time, from the proposal. Text fields that hold commands mark them with backticks, as Markdown does.
 *
 * <p>Secret values never appear: the bundle has none, and the model carries no digests.
 *
 * @param header      what the bundle is and which way it goes
 * @param summary     counts per edge and review status, and per object status
 * @param actions     every {@code action-required} finding, grouped by edge in edge order
 * @param images      the image copy list, with a copy command suited to the direction
 * @param imageSetup  what to do once before copying images (log in, create repositories)
 * @param identities  each ServiceAccount's cloud identity on both sides
 * @param dataCopies  every stateful volume whose data has to be copied
 * @param unresolved  references in the proposed estate that resolve to nothing
 * @param runbook     one runbook per wave, in wave order; empty when no waves are planned
 * @param problems    documents that could not be read, and (at propose time) the engine's conflicts and problems
 * @param artifacts   the paths of the bundle's artifacts (under {@code artifacts/})
 * @param notes       sentences a reader needs before the rest (no plan yet, the report is as proposed, …)
 */
public record ReportModel(Header header, Summary summary, List<ActionItem> actions, List<ImageCopy> images,
                          List<String> imageSetup,
                          List<IdentityRow> identities, List<DataCopy> dataCopies, List<UnresolvedRow> unresolved,
                          List<WaveRunbook> runbook, List<String> problems, List<String> artifacts,
                          List<String> notes) {

    /** The format version of the JSON rendering; raised when a field is renamed or removed. */
    public static final int FORMAT_VERSION = 1;

    public ReportModel {
        actions = List.copyOf(actions);
        images = List.copyOf(images);
        imageSetup = List.copyOf(imageSetup);
        identities = List.copyOf(identities);
        dataCopies = List.copyOf(dataCopies);
        unresolved = List.copyOf(unresolved);
        runbook = List.copyOf(runbook);
        problems = List.copyOf(problems);
        artifacts = List.copyOf(artifacts);
        notes = List.copyOf(notes);
    }

    /**
     * @param direction       {@code aks-to-eks} or {@code eks-to-aks}
     * @param directionLabel  {@code AKS → EKS}
     * @param sourceCloud     {@code AKS}
     * @param targetCloud     {@code EKS}
     * @param source          where the objects came from ({@code bundle.yaml}'s source)
     * @param bundle          the bundle's folder or zip name, as commands in the runbook name it
     * @param created         when the bundle was proposed (ISO-8601)
     * @param toolVersion     the Ferry version that proposed it
     * @param reviewState     {@code as reviewed} (from a session) or {@code as proposed} (at propose time)
     */
    public record Header(String direction, String directionLabel, String sourceCloud, String targetCloud,
                         String source, String bundle, String created, String toolVersion, String reviewState) {
    }

    /**
     * @param changesByEdge   per edge id, in edge order: changes per review status
     * @param changeTotals    all changes per review status
     * @param objects         objects per status label (unchanged, changed, generated, dropped, excluded, needs action)
     * @param waves           planned waves (0 when not planned)
     * @param blockedWaves    waves with at least one blocker
     */
    public record Summary(Map<String, ReviewCounts> changesByEdge, ReviewCounts changeTotals,
                          Map<String, Integer> objects, int waves, int blockedWaves) {

        public Summary {
            changesByEdge = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changesByEdge));
            objects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(objects));
        }
    }

    /** Changes per review status; {@code changedSinceApproved} counts as undecided. */
    public record ReviewCounts(int pending, int approved, int rejected, int changedSinceApproved) {

        public int total() {
            return pending + approved + rejected + changedSinceApproved;
        }

        ReviewCounts plus(ReviewCounts other) {
            return new ReviewCounts(pending + other.pending, approved + other.approved, rejected + other.rejected,
                    changedSinceApproved + other.changedSinceApproved);
        }
    }

    /**
     * One {@code action-required} finding.
     *
     * @param edge       the edge id of its change
     * @param resource   {@code Kind/namespace/name}
     * @param message    what was found and what to do
     * @param settingKey the settings key that resolves it, or empty
     * @param changeId   the change that carries it
     * @param status     the change's review status label
     * @param wave       the wave that applies the resource, if planned
     */
    public record ActionItem(String edge, String resource, String message, String settingKey, String changeId,
                             String status, Optional<Integer> wave) {
    }

    /**
     * @param source  the image reference on the source registry
     * @param target  the reference on the target registry
     * @param command a command that copies it, ready to run once logged in to both registries
     */
    public record ImageCopy(String source, String target, String command) {
    }

    /**
     * @param serviceAccount {@code namespace/name}
     * @param sourceIdentity what it uses on the source cloud (Workload ID client id, IRSA role, …), or empty
     * @param targetIdentity what it uses on the target (IAM role ARN, managed identity client id, …)
     * @param trust          the trust policy or federated credential that lets it assume the target identity
     * @param artifacts      bundle artifacts that hold the documents or commands
     * @param status         the review status of its identity changes ({@code approved}, {@code pending}, …)
     */
    public record IdentityRow(String serviceAccount, String sourceIdentity, String targetIdentity, String trust,
                              List<String> artifacts, String status) {

        public IdentityRow {
            artifacts = List.copyOf(artifacts);
        }
    }

    /**
     * One volume (or claim template) that holds data on the source.
     *
     * @param resource    {@code PersistentVolumeClaim/ns/name} or {@code StatefulSet/ns/name}
     * @param claim       the claim or claim-template name
     * @param size        requested size, or empty when not set
     * @param sourceClass the storage class on the source ({@code (default)} when unset)
     * @param targetClass the storage class on the target
     * @param method      snapshot, Velero or application-level copy, as the storage edge proposes
     * @param wave        the wave that applies the resource, if planned
     */
    public record DataCopy(String resource, String claim, String size, String sourceClass, String targetClass,
                           String method, Optional<Integer> wave) {
    }

    /**
     * @param from          the object that uses the name
     * @param path          where (dotted path)
     * @param to            what it names
     * @param message       the checker's explanation
     * @param informational true when the object works without it (optional or late-binding)
     */
    public record UnresolvedRow(String from, String path, String to, String message, boolean informational) {
    }

    /**
     * The runbook of one wave: what a cutover team does, in order.
     *
     * @param number       the wave number
     * @param name         its name
     * @param kind         platform, stateless, stateful or custom
     * @param blockers     why it cannot be applied yet (empty when ready)
     * @param groups       its objects in apply order, grouped by kind
     * @param hosts        Ingress hosts and LoadBalancer Services whose traffic moves in this wave
     * @param sections     the checklists: before, apply, verify, maintenance window, traffic shift, rollback
     */
    public record WaveRunbook(int number, String name, String kind, List<Blocker> blockers, List<KindGroup> groups,
                              List<TrafficHost> hosts, List<Section> sections) {

        public WaveRunbook {
            blockers = List.copyOf(blockers);
            groups = List.copyOf(groups);
            hosts = List.copyOf(hosts);
            sections = List.copyOf(sections);
        }

        public boolean blocked() {
            return !blockers.isEmpty();
        }

        public int objects() {
            return groups.stream().mapToInt(g -> g.names().size()).sum();
        }
    }

    /** @param kind {@code LATER_WAVE_REFERENCE}, {@code PENDING_CHANGE}, … */
    public record Blocker(String kind, String object, String message) {
    }

    /** @param names {@code namespace/name} (or {@code name} when cluster-scoped), in apply order */
    public record KindGroup(String kind, List<String> names) {

        public KindGroup {
            names = List.copyOf(names);
        }
    }

    /**
     * @param host     the DNS name (an Ingress host), or the Service for a LoadBalancer without a host
     * @param object   the Ingress or Service that serves it
     * @param address  how to read the new address on the target
     */
    public record TrafficHost(String host, String object, String address) {
    }

    /**
     * A checklist.
     *
     * @param id    stable: {@code before}, {@code apply}, {@code verify}, {@code maintenance}, {@code traffic},
     *              {@code rollback}
     * @param title for people
     * @param steps short imperative steps, commands in backticks
     */
    public record Section(String id, String title, List<String> steps) {

        public Section {
            steps = List.copyOf(steps);
        }
    }
}
