package dev.ferry.plan.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.Change;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Exclusion;
import dev.ferry.plan.bundle.Bundle;
import dev.ferry.plan.bundle.BundleArchive;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleLayout;
import dev.ferry.plan.bundle.BundleReader;
import dev.ferry.plan.bundle.BundleUpdater;
import dev.ferry.plan.refs.BuiltInTargets;
import dev.ferry.plan.refs.ReferenceChecker;
import dev.ferry.plan.refs.UnresolvedReference;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WaveChecker;
import dev.ferry.plan.waves.WavePlan;
import dev.ferry.plan.waves.WavePlanCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open bundle under review: what the app and the CLI drive. It reads the bundle (verifying every digest),
 * derives the proposed objects from the source and the decisions, executes review commands with undo and redo, and
 * after each one saves the bundle and appends to its audit log, so nothing a reviewer did is lost. A zip is
 * unpacked into a private working folder and packed back after every save.
 *
 * <p>Thread-safe; every method may block on disk, so call it off a UI thread.
 */
public final class ReviewSession implements AutoCloseable {

    private final Path location;
    private final Path root;
    private final boolean fromZip;
    private final Bundle opened;
    private final ReviewState state;
    private final Clock clock;
    private final BundleUpdater updater;
    private final Deque<ReviewCommand> undoStack = new ArrayDeque<>();
    private final Deque<ReviewCommand> redoStack = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<AuditEntry> audit;
    private Map<ResourceKey, String> writtenPaths;
    private Map<ResourceKey, KubeObject> writtenObjects;

    private ReviewSession(Path location, Path root, boolean fromZip, Bundle opened, ReviewState state, Clock clock,
                          List<AuditEntry> audit) {
        this.location = location;
        this.root = root;
        this.fromZip = fromZip;
        this.opened = opened;
        this.state = state;
        this.clock = clock;
        this.updater = new BundleUpdater(root);
        this.audit = new ArrayList<>(audit);
        rememberWritten();
    }

    /** Opens a bundle folder or a zip packed by {@code ferry bundle pack}. */
    public static ReviewSession open(Path bundle) throws BundleException {
        return open(bundle, Clock.systemUTC());
    }

    public static ReviewSession open(Path bundle, Clock clock) throws BundleException {
        return open(bundle, clock, done -> { });
    }

    /**
     * Opens the bundle, telling {@code readProgress} how much of reading it is done (0 to 1) as it goes, from the
     * threads that read it.
     */
    public static ReviewSession open(Path bundle, Clock clock, java.util.function.DoubleConsumer readProgress)
            throws BundleException {
        Path location = bundle.toAbsolutePath().normalize();
        if (!Files.exists(location)) {
            throw new BundleException(bundle + " does not exist; give a bundle folder or a zip made by "
                    + "`ferry bundle pack`.");
        }
        boolean zip = BundleArchive.isZip(location);
        Path root = location;
        if (zip) {
            try {
                root = Files.createTempDirectory("ferry-review-");
            } catch (IOException e) {
                throw new BundleException("Cannot create a working folder for " + bundle + ": " + e.getMessage(), e);
            }
            try {
                BundleArchive.unpack(location, root);
            } catch (BundleException e) {
                deleteTree(root);
                throw e;
            }
        }
        try {
            DecisionReader decisions = new DecisionReader(root);
            Bundle read = BundleReader.forReview(decisions::add, readProgress).read(root);
            List<Change> engine = new ArrayList<>();
            List<Change> manual = new ArrayList<>();
            for (Change change : read.changes()) {
                (change.edge() == Edge.MANUAL ? manual : engine).add(change);
            }
            ReviewState state = new ReviewState(read.source(), engine, manual, decisions.decisions(),
                    readPlan(root));
            return new ReviewSession(location, root, zip, read, state, clock, AuditLog.read(root));
        } catch (BundleException | RuntimeException e) {
            if (zip) {
                deleteTree(root);
            }
            throw e;
        }
    }

    private static WavePlan readPlan(Path root) throws BundleException {
        Path file = root.resolve(BundleLayout.PLAN);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new WavePlanCodec().read(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new BundleException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Decision> readDecisions(Path root) throws BundleException {
        DecisionReader decisions = new DecisionReader(root);
        BundleReader.readTree(root, BundleLayout.CHANGES).forEach(decisions::add);
        return decisions.decisions();
    }

    /** Collects the review state of each entry of {@code changes.yaml} as it is read; the first failure is kept. */
    private static final class DecisionReader {
        private final Path root;
        private final Map<String, Decision> decisions = new HashMap<>();
        private int index;
        private BundleException failure;

        DecisionReader(Path root) {
            this.root = root;
        }

        void add(JsonNode node) {
            index++;
            if (failure != null) {
                return;
            }
            try {
                DecisionCodec.fromTree(node).ifPresent(d -> decisions.put(node.path("id").asText(), d));
            } catch (RuntimeException e) {
                failure = new BundleException(root.resolve(BundleLayout.CHANGES) + ": change " + index + " ("
                        + node.path("id").asText() + ") has a review state that cannot be read: " + e.getMessage()
                        + ".", e);
            }
        }

        Map<String, Decision> decisions() throws BundleException {
            if (failure != null) {
                throw failure;
            }
            return decisions;
        }
    }

    // ---- what the bundle is

    /** The folder or zip that was opened. */
    public Path location() {
        return location;
    }

    /** The folder the session works in: the bundle itself, or the unpacked copy of a zip. */
    public Path folder() {
        return root;
    }

    public boolean fromZip() {
        return fromZip;
    }

    /** Which files differed from their recorded digests when the bundle was opened. */
    public Bundle.Verification verification() {
        return opened.verification();
    }

    /** {@code bundle.yaml} as it was when opened: source description, tool, created, counts. */
    public JsonNode manifest() {
        return opened.manifest();
    }

    public Direction direction() {
        return opened.settings().direction();
    }

    public MigrationSettings settings() {
        return opened.settings();
    }

    public List<Exclusion> excluded() {
        return opened.excluded();
    }

    public Map<String, String> artifacts() {
        return opened.artifacts();
    }

    // ---- objects and changes

    public synchronized List<KubeObject> sourceObjects() {
        return state.sourceObjects();
    }

    public synchronized Optional<KubeObject> source(ResourceKey key) {
        return state.source(key);
    }

    /** Every object that will exist on the target: the source plus every change that is not rejected. */
    public synchronized List<KubeObject> proposedObjects() {
        return state.proposedObjects();
    }

    public synchronized Optional<KubeObject> proposed(ResourceKey key) {
        return state.proposed(key);
    }

    /** The proposed object before its hand edit: what an edit is recorded against. */
    public synchronized Optional<KubeObject> engineOutput(ResourceKey key) {
        return state.engineOutput(key);
    }

    public synchronized List<ReviewedChange> changes() {
        return state.allChanges().stream().map(state::reviewed).toList();
    }

    public synchronized List<ReviewedChange> changesFor(ResourceKey key) {
        return state.changesFor(key).stream().map(state::reviewed).toList();
    }

    public synchronized Optional<ReviewedChange> change(String id) {
        return state.change(id).map(state::reviewed);
    }

    /** How many changes a selection covers, for confirmations ("Approve 37 ingress changes?"). */
    public synchronized int count(ChangeSelection selection) {
        return (int) state.allChanges().stream().filter(selection::matches).count();
    }

    /**
     * How each object fares: unchanged, changed, generated, dropped, or needs action while an action-required
     * finding is undecided. A rejected change does not count; an approved one has been acknowledged.
     */
    public synchronized Map<ResourceKey, ObjectStatus> statuses() {
        Map<ResourceKey, ObjectStatus> statuses = new LinkedHashMap<>();
        for (KubeObject object : state.sourceObjects()) {
            statuses.put(object.key(), ObjectStatus.UNCHANGED);
        }
        for (Change change : state.allChanges()) {
            ReviewStatus status = state.status(change);
            if (status == ReviewStatus.REJECTED) {
                continue;
            }
            ObjectStatus objectStatus = switch (change.type()) {
                case GENERATE -> ObjectStatus.GENERATED;
                case DROP -> ObjectStatus.DROPPED;
                case PATCH -> change.patch().isEmpty() ? ObjectStatus.UNCHANGED : ObjectStatus.CHANGED;
            };
            if (change.needsAction() && status.undecided()) {
                objectStatus = ObjectStatus.NEEDS_ACTION;
            }
            statuses.merge(change.resource(), objectStatus, ReviewSession::stronger);
        }
        return statuses;
    }

    private static ObjectStatus stronger(ObjectStatus a, ObjectStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    // ---- waves

    /** The waves, once planned (empty until {@code ferry plan --auto} or the app's "Plan waves"). */
    public synchronized Optional<WavePlan> plan() {
        return state.plan();
    }

    /**
     * Why waves cannot be applied yet: a reference to an object of a later wave (or of none), a change still
     * undecided, an action-required finding not yet acknowledged by approving its change.
     */
    public synchronized List<WaveBlocker> blockers() {
        Optional<WavePlan> plan = state.plan();
        if (plan.isEmpty()) {
            return List.of();
        }
        Map<ResourceKey, List<String>> pending = new HashMap<>();
        Map<ResourceKey, List<String>> actionRequired = new HashMap<>();
        for (Change change : state.allChanges()) {
            ReviewStatus status = state.status(change);
            if (!status.undecided()) {
                continue;
            }
            pending.computeIfAbsent(change.resource(), k -> new ArrayList<>()).add(change.id());
            change.findings().stream().filter(f -> f.severity() == dev.ferry.engine.Severity.ACTION_REQUIRED)
                    .forEach(f -> actionRequired.computeIfAbsent(change.resource(), k -> new ArrayList<>())
                            .add(f.message()));
        }
        return new WaveChecker(BuiltInTargets.of(direction())).check(plan.get(), state.proposedObjects(), pending,
                actionRequired);
    }

    /** References in the proposed estate that resolve to no proposed object and no built-in of the target. */
    public synchronized List<UnresolvedReference> unresolvedReferences() {
        return new ReferenceChecker(BuiltInTargets.of(direction())).check(state.proposedObjects());
    }

    // ---- commands

    /** Executes a command, saves the bundle and appends the command to the audit log. */
    public synchronized void execute(ReviewCommand command) throws BundleException {
        command.execute(state, now());
        try {
            save(List.of(new AuditEntry(now(), command.by(), command.action(), command.description())));
        } catch (BundleException e) {
            command.undo(state);
            throw e;
        }
        undoStack.push(command);
        redoStack.clear();
        changed();
    }

    public synchronized boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redoStack.isEmpty();
    }

    public synchronized Optional<String> undoDescription() {
        return Optional.ofNullable(undoStack.peek()).map(ReviewCommand::description);
    }

    public synchronized Optional<String> redoDescription() {
        return Optional.ofNullable(redoStack.peek()).map(ReviewCommand::description);
    }

    public synchronized void undo() throws BundleException {
        ReviewCommand command = undoStack.peek();
        if (command == null) {
            throw new ReviewException("Nothing to undo.");
        }
        command.undo(state);
        try {
            save(List.of(new AuditEntry(now(), command.by(), "undo", command.description())));
        } catch (BundleException e) {
            command.execute(state, now());
            throw e;
        }
        redoStack.push(undoStack.pop());
        changed();
    }

    public synchronized void redo() throws BundleException {
        ReviewCommand command = redoStack.peek();
        if (command == null) {
            throw new ReviewException("Nothing to redo.");
        }
        command.execute(state, now());
        try {
            save(List.of(new AuditEntry(now(), command.by(), "redo", command.description())));
        } catch (BundleException e) {
            command.undo(state);
            throw e;
        }
        undoStack.push(redoStack.pop());
        changed();
    }

    /** Every review action recorded in the bundle, oldest first. */
    public synchronized List<AuditEntry> audit() {
        return List.copyOf(audit);
    }

    /** Called on the calling thread after every execute, undo, redo and merge. */
    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    public void removeListener(Runnable onChange) {
        listeners.remove(onChange);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private Instant now() {
        return clock.instant();
    }

    // ---- saving

    /** Records entries made outside a command (a merge), saving the bundle with them. */
    synchronized void record(List<AuditEntry> entries) throws BundleException {
        save(entries);
        changed();
    }

    ReviewState state() {
        return state;
    }

    private void save(List<AuditEntry> entries) throws BundleException {
        Map<String, byte[]> writes = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (Change change : state.allChanges()) {
            changes.add(DecisionCodec.toTree(change, state.decision(change.id())));
        }
        writes.put(BundleLayout.CHANGES, Yaml.write(changes).getBytes(StandardCharsets.UTF_8));
        List<KubeObject> proposed = state.proposedObjects();
        Map<ResourceKey, String> paths = BundleLayout.objectPaths(proposed.stream().map(KubeObject::key).toList());
        for (KubeObject object : proposed) {
            String path = paths.get(object.key());
            if (writtenObjects.get(object.key()) != object || !path.equals(writtenPaths.get(object.key()))) {
                writes.put(BundleLayout.PROPOSED + "/" + path,
                        Yaml.write(object.body()).getBytes(StandardCharsets.UTF_8));
            }
        }
        Set<String> live = new HashSet<>(paths.values());
        for (String old : writtenPaths.values()) {
            if (!live.contains(old)) {
                deletes.add(BundleLayout.PROPOSED + "/" + old);
            }
        }
        Optional<WavePlan> plan = state.plan();
        if (plan.isPresent()) {
            writes.put(BundleLayout.PLAN, new WavePlanCodec().write(plan.get()).getBytes(StandardCharsets.UTF_8));
        }
        updater.update(writes, deletes);
        AuditLog.append(updater, entries);
        audit.addAll(entries);
        rememberWritten();
        if (fromZip) {
            BundleArchive.pack(root, location);
        }
    }

    private void rememberWritten() {
        List<KubeObject> proposed = state.proposedObjects();
        writtenPaths = BundleLayout.objectPaths(proposed.stream().map(KubeObject::key).toList());
        Map<ResourceKey, KubeObject> byKey = new HashMap<>();
        proposed.forEach(object -> byKey.put(object.key(), object));
        writtenObjects = byKey;
    }

    @Override
    public void close() {
        if (fromZip) {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover file in the temp folder is harmless
                }
            });
        } catch (IOException ignored) {
            // the temp folder is gone or unreadable: nothing more to clean
        }
    }
}
