package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.ObjectComparison;
import dev.ferry.cluster.apply.Phase;
import dev.ferry.cluster.apply.Rejection;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.ConnectOptions;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.Journal;
import dev.ferry.cluster.journal.JournalAction;
import dev.ferry.cluster.journal.JournalEntry;
import dev.ferry.cluster.journal.JournalException;
import dev.ferry.cluster.journal.JournalState;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.sandbox.Fault;
import dev.ferry.sandbox.FaultSpec;
import dev.ferry.sandbox.RequestLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fault trials of apply and rollback against a sandbox target. Each trial applies a wave (sometimes over
 * objects that already exist on the target) with one fault at a seeded-random point: an error status (429, 500, 503,
 * 409, 403), a dropped connection or a response that comes after the client's timeout, on the dry run, the
 * before-state read, the write, the readiness checks or the rollback's deletes and restores; or a kill of the process
 * (an {@link Error} thrown from the listener, which unwinds the work as a killed process stops it) at a random step of
 * apply or rollback. Then, with the fault gone, the wave is either resumed or rolled back. Every trial must end with the
 * target equal to the plan or to its state before the wave, and the journal must say exactly what landed.
 *
 * <p>{@value #DEFAULT_TRIALS} trials run by default; {@code -Dferry.faultTrials=500} runs more, and
 * {@code -Dferry.faultSeed=S -Dferry.faultTrials=1} reruns the trial a failure names.
 */
class FaultTrialsTest {

    static final int DEFAULT_TRIALS = 30;
    private static final long DEFAULT_SEED = 60_000;
    /** Attempts of {@link TestClusters#fastRetry()}: a retryable fault hitting fewer times than this is absorbed. */
    private static final int ATTEMPTS = 5;
    private static final Duration IMPATIENT = Duration.ofMillis(1_000);
    private static final Duration LATE = Duration.ofMillis(2_500);
    /** Discovery documents the waves' types come from: core, the group list, apps and networking. */
    private static final List<String> DISCOVERY_PATHS = List.of("/api/v1", "/apis", "/apis/apps/v1",
            "/apis/networking.k8s.io/v1");

    @TempDir
    static Path dir;

    private static TestClusters clusters;
    private static TargetCluster target;
    /** A client whose requests time out after {@link #IMPATIENT}, for the trials whose answers come late. */
    private static TargetCluster impatient;
    /** The request log's length when the trial's wave began: requests before it are the trial's own setup. */
    private int logStart;

    @BeforeAll
    static void start() throws Exception {
        clusters = TestClusters.start(dir);
        target = clusters.target();
        impatient = new ClusterConnector(ConnectOptions.defaults().withRequestTimeout(IMPATIENT)
                .withEnvironment(Map.of())).connectTarget(clusters.kubeconfig, "target");
        target.apply(Fixtures.storageClass("gp3").body(), false);
    }

    @AfterAll
    static void stop() {
        impatient.close();
        target.close();
        clusters.close();
    }

    /** Where the fault strikes. */
    enum Where {
        DISCOVERY, DRY_RUN, READ, WRITE, READINESS, APPLY_KILL, ROLLBACK_WRITE, ROLLBACK_READ, ROLLBACK_KILL;

        boolean inRollback() {
            return this == ROLLBACK_WRITE || this == ROLLBACK_READ || this == ROLLBACK_KILL;
        }
    }

    /** What the fault does. */
    enum What {
        S429(true), S500(true), S503(true), S409(false), S403(false), DROP(true), LATE(true), KILL(false);

        final boolean retryable;

        What(boolean retryable) {
            this.retryable = retryable;
        }
    }

    /** One trial, drawn from its seed before it runs (so its name says what it does). */
    record Trial(long seed, boolean full, boolean preexisting, Where where, What what, int object, int skip,
                 int times, int killStep, boolean resume) {

        static Trial draw(long seed) {
            Random random = new Random(seed);
            boolean full = random.nextBoolean();
            boolean preexisting = random.nextInt(3) == 0;
            Where where = Where.values()[random.nextInt(Where.values().length)];
            What what;
            if (where == Where.APPLY_KILL || where == Where.ROLLBACK_KILL) {
                what = What.KILL;
            } else {
                what = What.values()[random.nextInt(What.values().length - 1)];
            }
            int size = full ? 9 : 6;
            int object = random.nextInt(size);
            int skip = random.nextInt(2);
            int times;
            if (what == What.LATE) {
                times = 1 + random.nextInt(2); // late answers cost a client timeout each: never "always"
            } else if (random.nextInt(3) == 0) {
                times = Integer.MAX_VALUE;
            } else {
                times = 1 + random.nextInt(ATTEMPTS - 2);
            }
            int killStep = 1 + random.nextInt(where == Where.ROLLBACK_KILL ? 2 * size + 2 : 4 * size + 2);
            boolean resume = !where.inRollback() && random.nextBoolean();
            return new Trial(seed, full, preexisting, where, what, object, skip, times, killStep, resume);
        }

        String namespace() {
            return "f" + Long.toString(seed, 36).toLowerCase(Locale.ROOT).replace('-', 'm');
        }

        @Override
        public String toString() {
            String fault = what == What.KILL ? "kill at step " + killStep + " of " + (where == Where.APPLY_KILL
                    ? "apply" : "rollback")
                    : what + " on " + where + " of object " + object + " (skip " + skip + ", "
                    + (times == Integer.MAX_VALUE ? "always" : times + "x") + ")";
            return "seed " + seed + ": " + (full ? "full" : "portable") + " wave" + (preexisting ? " over existing "
                    + "objects" : "") + ", " + fault + ", then " + (resume ? "resume" : "roll back");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTrialEndsAtThePlanOrThePreWaveStateWithAnExactJournal() {
        int trials = Integer.getInteger("ferry.faultTrials", DEFAULT_TRIALS);
        long seed = Long.getLong("ferry.faultSeed", DEFAULT_SEED);
        return IntStream.range(0, trials).mapToObj(i -> Trial.draw(seed + i)).map(trial ->
                DynamicTest.dynamicTest(trial.toString(), () -> {
                    try {
                        run(trial);
                    } catch (Throwable e) {
                        throw new AssertionError("Fault trial failed: " + trial + ". Rerun it with -Dferry.faultSeed="
                                + trial.seed() + " -Dferry.faultTrials=1", e);
                    }
                }));
    }

    /** What a killed process is to the code that runs: it never returns normally again. */
    private static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedKill() {
            super("simulated kill", null, false, false);
        }
    }

    private void run(Trial trial) throws Exception {
        String namespace = trial.namespace();
        List<KubeObject> wave = trial.full() ? Fixtures.fullWave(namespace) : Fixtures.portableWave(namespace);
        Path bundle = dir.resolve(namespace);
        if (trial.preexisting()) {
            target.apply(Fixtures.object("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + namespace
                    + ", labels: {team: ops}}\n").body(), false);
            target.apply(Fixtures.object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: "
                    + namespace + ", labels: {owner: ops}}\ndata: {LOG_LEVEL: debug, OLD: x}\n").body(), false);
        }
        Map<ResourceKey, Optional<ObjectNode>> preWave = snapshot(wave);
        logStart = clusters.targetServer.requests().entries().size();
        KubeObject faulted = wave.get(trial.object());
        TargetCluster client = trial.what() == What.LATE ? impatient : target;
        TargetCluster fresh = null;
        if (trial.where() == Where.DISCOVERY) {
            // a new connection discovers the target's types when it first needs one
            fresh = new ClusterConnector(ConnectOptions.defaults().withRequestTimeout(trial.what() == What.LATE
                    ? IMPATIENT : Duration.ofSeconds(5)).withEnvironment(Map.of()))
                    .connectTarget(clusters.kubeconfig, "target");
            client = fresh;
        }
        WaveRequest request = new WaveRequest(1, wave, bundle, Fixtures.secretValues(namespace), null);

        // 1. apply with the fault
        List<Fault> armed = new ArrayList<>();
        WaveListener listener = WaveListener.none();
        if (trial.where() == Where.APPLY_KILL) {
            listener = killingAt(trial.killStep());
        } else if (trial.where() == Where.READINESS) {
            // readiness checks are the reads of an object after it is applied
            listener = event -> {
                if (event.resource().equals(faulted.key()) && event.phase() == Phase.APPLIED) {
                    armed.add(arm(trial, "GET", faulted.key(), null));
                }
            };
        } else if (!trial.where().inRollback()) {
            armed.add(switch (trial.where()) {
                case DISCOVERY -> arm(trial, "GET", DISCOVERY_PATHS.get(trial.object() % DISCOVERY_PATHS.size()));
                case DRY_RUN -> arm(trial, "PATCH", faulted.key(), true);
                case WRITE -> arm(trial, "PATCH", faulted.key(), false);
                default -> arm(trial, "GET", faulted.key(), null);
            });
        }
        WaveResult first = null;
        Throwable stopped = null;
        try {
            first = new WaveApplier(client, TestClusters.applyOptions(), listener, Cancellation.none()).apply(request);
        } catch (ClusterException | SimulatedKill e) {
            stopped = e;
        } finally {
            if (fresh != null) {
                fresh.close();
            }
        }
        armed.forEach(Fault::cancel);
        int fired = armed.stream().mapToInt(Fault::fired).sum();
        checkFirstOutcome(trial, faulted.key(), first, stopped, fired);
        checkJournal(trial, wave, bundle, false);

        // 2. with the fault gone: resume to the plan, or roll back (with a fault of its own) to the state before
        if (trial.resume()) {
            WaveResult resumed = new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(),
                    Cancellation.none()).apply(request);
            assertThat(resumed.outcome()).as("resumed: %s", resumed).isEqualTo(WaveResult.Outcome.APPLIED);
            assertEqualsPlan(wave);
            checkJournal(trial, wave, bundle, true);
            return;
        }
        rollBack(trial, wave, faulted, bundle);
        assertEqualsPreWave(preWave);
    }

    private void rollBack(Trial trial, List<KubeObject> wave, KubeObject faulted, Path bundle) throws Exception {
        boolean createdByWave = Journal.read(bundle, 1).stream().anyMatch(e -> e.action() == JournalAction.BEFORE
                && faulted.key().equals(e.key()) && "absent".equals(e.text("state")));
        List<Fault> armed = new ArrayList<>();
        WaveListener listener = WaveListener.none();
        switch (trial.where()) {
            case ROLLBACK_KILL -> listener = killingAt(trial.killStep());
            case ROLLBACK_WRITE -> armed.add(arm(trial, createdByWave ? "DELETE" : "PUT", faulted.key(), null));
            case ROLLBACK_READ -> armed.add(arm(trial, "GET", faulted.key(), null));
            default -> {
            }
        }
        TargetCluster client = trial.what() == What.LATE ? impatient : target;
        RollbackResult result = null;
        try {
            result = new WaveRollback(client, TestClusters.rollbackOptions(), listener, Cancellation.none())
                    .rollback(1, bundle);
        } catch (ClusterException | SimulatedKill e) {
            boolean expected = e instanceof SimulatedKill || armed.stream().anyMatch(f -> f.fired() > 0)
                    && (!trial.what().retryable || trial.times() >= ATTEMPTS);
            assertThat(expected).as("the rollback stopped (%s) but the fault should not stop it", e).isTrue();
            if (e instanceof ClusterException cluster) {
                assertThat(cluster.getMessage()).contains(faulted.key().toString()).contains("Run the rollback again");
            }
        }
        armed.forEach(Fault::cancel);
        if (result == null) {
            assertThat(JournalState.replay(Journal.read(bundle, 1)).rollbackUnfinished()).isTrue();
            result = new WaveRollback(target, TestClusters.rollbackOptions(), WaveListener.none(), Cancellation.none())
                    .rollback(1, bundle);
        }
        assertThat(result.verified()).as("rollback verified: %s", result.differences()).isTrue();
        List<JournalEntry> entries = Journal.read(bundle, 1);
        if (!result.nothingToDo()) {
            assertThat(entries.get(entries.size() - 1).action()).isEqualTo(JournalAction.ROLLED_BACK);
        }
        // every delete the journal records as done happened on the server
        for (JournalEntry entry : entries) {
            if (entry.action() == JournalAction.DELETED && entry.field("existed").asBoolean()) {
                assertThat(count("DELETE", entry.key(), true)).as("deleted %s", entry.key()).isPositive();
            }
        }
    }

    private static WaveListener killingAt(int step) {
        AtomicInteger steps = new AtomicInteger();
        return event -> {
            if (steps.incrementAndGet() == step) {
                throw new SimulatedKill();
            }
        };
    }

    private Fault arm(Trial trial, String method, ResourceKey key, Boolean dryRun) {
        FaultSpec spec = clusters.targetServer.faults().on(method, Fixtures.pathOf(key)).skip(trial.skip());
        if (dryRun != null) {
            spec.where(r -> r.dryRun() == dryRun);
        }
        return arm(trial, spec);
    }

    private Fault arm(Trial trial, String method, String path) {
        return arm(trial, clusters.targetServer.faults().on(method, Pattern.quote(path)).skip(trial.skip()));
    }

    private static Fault arm(Trial trial, FaultSpec spec) {
        if (trial.times() == Integer.MAX_VALUE) {
            spec.always();
        } else {
            spec.times(trial.times());
        }
        return switch (trial.what()) {
            case S429 -> spec.throttle(Duration.ZERO);
            case S500 -> spec.respond(500);
            case S503 -> spec.respond(503);
            case S409 -> spec.respond(409);
            case S403 -> spec.respond(403);
            case DROP -> spec.drop();
            case LATE -> spec.delay(LATE);
            case KILL -> throw new IllegalStateException("a kill is not a server fault");
        };
    }

    /** What the faulted apply must have done, given what the fault was and whether it hit. */
    private static void checkFirstOutcome(Trial trial, ResourceKey faulted, WaveResult result, Throwable stopped,
                                          int fired) {
        if (trial.what() == What.KILL || trial.where().inRollback()) {
            if (stopped instanceof SimulatedKill) {
                return;
            }
            assertThat(stopped).as("apply without a server fault").isNull();
            assertThat(result.outcome()).as("%s", result).isEqualTo(WaveResult.Outcome.APPLIED);
            return;
        }
        boolean absorbed = fired == 0 || trial.what().retryable && trial.times() < ATTEMPTS;
        if (absorbed) {
            assertThat(stopped).as("fault absorbed by retries (fired %d), yet apply threw", fired).isNull();
            assertThat(result.outcome()).as("fault absorbed by retries (fired %d): %s", fired, result)
                    .isEqualTo(WaveResult.Outcome.APPLIED);
            return;
        }
        if (stopped != null) {
            // only the dry run throws: a retryable failure that outlasted the retries, before anything was written
            assertThat(stopped).isInstanceOf(ClusterException.class);
            assertThat(((ClusterException) stopped).retryable()).isTrue();
            assertThat(stopped.getMessage()).contains("gave up after");
            if (trial.where() != Where.DISCOVERY) {
                assertThat(stopped.getMessage()).contains(faulted.toString());
            }
            return;
        }
        if (trial.where() == Where.DISCOVERY) {
            // a discovery document that keeps failing leaves its types unknown: the dry run rejects their objects
            assertThat(result.outcome()).as("%s", result).isIn(WaveResult.Outcome.REJECTED,
                    WaveResult.Outcome.APPLIED);
            return;
        }
        switch (result.outcome()) {
            case STOPPED -> {
                assertThat(result.failure().resource()).isEqualTo(faulted);
                assertThat(result.failure().message()).contains(faulted.toString());
                assertThat(result.failure().reason()).isEqualTo(expectedReason(trial.what()));
            }
            case REJECTED -> assertThat(result.rejections()).extracting(Rejection::resource).contains(faulted);
            case NOT_READY -> assertThat(result.notReady()).extracting(Rejection::resource).contains(faulted);
            default -> throw new AssertionError("the fault hit " + fired + " times and cannot be absorbed, yet the "
                    + "wave ended " + result);
        }
    }

    private static Reason expectedReason(What what) {
        return switch (what) {
            case S429 -> Reason.THROTTLED;
            case S500, S503 -> Reason.SERVER_ERROR;
            case S409 -> Reason.CONFLICT;
            case S403 -> Reason.FORBIDDEN;
            case DROP -> Reason.UNREACHABLE;
            case LATE -> Reason.TIMEOUT;
            case KILL -> throw new IllegalArgumentException();
        };
    }

    /**
     * The journal against the server's request log: a write that landed has its before-state journaled; a write the
     * journal records as applied landed; a write that landed without being journaled as applied is possible only when
     * its answer was lost (a late answer), and a finished apply journals each object once, before and applied.
     */
    private void checkJournal(Trial trial, List<KubeObject> wave, Path bundle, boolean finished)
            throws JournalException {
        List<JournalEntry> entries = Journal.read(bundle, 1);
        boolean answersLost = trial.what() == What.LATE && trial.where() == Where.WRITE;
        for (KubeObject object : wave) {
            ResourceKey key = object.key();
            int landed = count("PATCH", key, false);
            long befores = entries.stream().filter(e -> e.action() == JournalAction.BEFORE && key.equals(e.key()))
                    .count();
            long applied = entries.stream().filter(e -> e.action() == JournalAction.APPLIED && key.equals(e.key()))
                    .count();
            if (landed > 0) {
                assertThat(befores).as("%s landed but its before-state is not journaled", key).isPositive();
            }
            if (applied > 0) {
                assertThat(landed).as("%s is journaled as applied but never landed", key).isPositive();
            }
            if (landed > 0 && applied == 0) {
                assertThat(answersLost).as("%s landed but is not journaled as applied", key).isTrue();
            }
            assertThat(befores).as("before-states of %s", key).isLessThanOrEqualTo(1);
            assertThat(applied).as("applied entries of %s", key).isLessThanOrEqualTo(1);
            if (!answersLost) {
                assertThat(landed).as("writes of %s", key).isLessThanOrEqualTo(1);
            }
            if (finished) {
                assertThat(befores).as("before-states of %s", key).isEqualTo(1);
                assertThat(applied).as("applied entries of %s", key).isEqualTo(1);
                assertThat(landed).as("writes of %s", key).isPositive();
            }
        }
    }

    /** Requests that reached the server and succeeded (2xx), dry runs excluded, for one object. */
    private int count(String method, ResourceKey key, boolean anyQuery) {
        Pattern path = Pattern.compile(Fixtures.pathOf(key));
        List<RequestLog.Entry> entries = clusters.targetServer.requests().entries();
        return (int) entries.subList(logStart, entries.size()).stream().filter(e -> e.request().method()
                .equals(method) && path.matcher(e.request().path()).matches() && e.status() / 100 == 2
                && (anyQuery || !e.request().dryRun())).count();
    }

    private static Map<ResourceKey, Optional<ObjectNode>> snapshot(List<KubeObject> wave) throws ClusterException {
        Map<ResourceKey, Optional<ObjectNode>> state = new LinkedHashMap<>();
        for (KubeObject object : wave) {
            state.put(object.key(), target.get(object.key()).map(FaultTrialsTest::withoutServerState));
        }
        return state;
    }

    private static ObjectNode withoutServerState(ObjectNode live) {
        ObjectNode copy = live.deepCopy();
        copy.remove("status");
        if (copy.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return copy;
    }

    private static void assertEqualsPlan(List<KubeObject> wave) throws ClusterException {
        for (KubeObject object : wave) {
            ObjectNode live = target.get(object.key()).orElseThrow(() -> new AssertionError(object.key()
                    + " is not on the target"));
            if (object.key().isKind("", "Secret")) {
                assertThat(live.path("data").path("password").asText()).isEqualTo(Fixtures.base64(Fixtures.CANARY));
            }
            assertThat(ObjectComparison.missingFromLive(object.body(), live)).as("%s differs from the plan",
                    object.key()).isEmpty();
        }
    }

    private static void assertEqualsPreWave(Map<ResourceKey, Optional<ObjectNode>> preWave) throws ClusterException {
        for (Map.Entry<ResourceKey, Optional<ObjectNode>> entry : preWave.entrySet()) {
            Optional<ObjectNode> live = target.get(entry.getKey());
            if (entry.getValue().isEmpty()) {
                assertThat(live).as("%s did not exist before the wave", entry.getKey()).isEmpty();
            } else {
                assertThat(live).as("%s existed before the wave", entry.getKey()).isPresent();
                List<String> paths = ObjectComparison.differences(entry.getValue().get(), live.get());
                assertThat(paths).as("%s differs from before the wave", entry.getKey()).isEmpty();
            }
        }
    }
}
