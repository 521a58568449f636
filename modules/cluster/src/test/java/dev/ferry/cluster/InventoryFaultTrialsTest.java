package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.ConnectOptions;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.inventory.InventoryListener;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryResult;
import dev.ferry.cluster.inventory.InventoryService;
import dev.ferry.model.io.Yaml;
import dev.ferry.sandbox.DemoEstate;
import dev.ferry.sandbox.Fault;
import dev.ferry.sandbox.FaultSpec;
import dev.ferry.sandbox.RequestLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fault trials of inventory against a source sandbox holding the demo estate, listed in small pages: error
 * statuses (429, 500, 503, 409, 403), dropped connections and answers that come after the client's timeout, on a
 * random page of random types, or a kill of the process at a random point of progress. A fault the retries absorb
 * changes nothing in the output; a type that still fails is named with its reason, left out whole, and every other
 * type is written exactly as without faults; a lost server or a kill writes nothing and leaves an earlier inventory
 * as it was.
 *
 * <p>{@value #DEFAULT_TRIALS} trials by default; {@code -Dferry.inventoryFaultTrials=N} runs more and
 * {@code -Dferry.inventoryFaultSeed=S -Dferry.inventoryFaultTrials=1} reruns the one a failure names.
 */
class InventoryFaultTrialsTest {

    static final int DEFAULT_TRIALS = 15;
    private static final long DEFAULT_SEED = 40_000;
    private static final int ATTEMPTS = 5;
    private static final int PAGE_SIZE = 2;

    @TempDir
    static Path dir;

    private static TestClusters clusters;
    private static SourceCluster source;
    private static SourceCluster impatient;
    /** Relative path → content of the inventory without faults. */
    private static Map<String, String> baseline;
    /** The collection paths inventory lists. */
    private static List<String> listed;

    @BeforeAll
    static void start() throws Exception {
        clusters = TestClusters.start(dir);
        clusters.sourceServer.load(DemoEstate.objects());
        source = clusters.source();
        impatient = new ClusterConnector(ConnectOptions.defaults().withRequestTimeout(Duration.ofMillis(1_000))
                .withEnvironment(Map.of())).connectSource(clusters.kubeconfig, "source");
        // the readiness simulator finishes the preloaded workloads' status first, so every run reads the same
        Thread.sleep(TestClusters.READINESS_DELAY.multipliedBy(10).toMillis());
        clusters.sourceServer.requests().clear();
        inventory(source, dir.resolve("baseline"), InventoryListener.none());
        baseline = files(dir.resolve("baseline"));
        listed = clusters.sourceServer.requests().entries().stream().map(RequestLog.Entry::request)
                .filter(r -> r.method().equals("GET") && r.param("limit").isPresent()).map(r -> r.path())
                .distinct().sorted().toList();
        assertThat(baseline).hasSizeGreaterThan(100);
        assertThat(listed).hasSizeGreaterThan(20);
    }

    @AfterAll
    static void stop() {
        impatient.close();
        source.close();
        clusters.close();
    }

    enum What {
        S429(true), S500(true), S503(true), S409(false), S403(false), DROP(true), LATE(true), KILL(false);

        final boolean retryable;

        What(boolean retryable) {
            this.retryable = retryable;
        }
    }

    /** One fault on one type's list requests. */
    record TypeFault(String path, What what, int skip, int times) {
        @Override
        public String toString() {
            return what + " on " + path + " (skip " + skip + ", " + (times == Integer.MAX_VALUE ? "always"
                    : times + "x") + ")";
        }
    }

    record Trial(long seed, List<TypeFault> faults, int killStep) {

        static Trial draw(long seed, List<String> paths) {
            Random random = new Random(seed);
            if (random.nextInt(6) == 0) {
                return new Trial(seed, List.of(), 1 + random.nextInt(2 * paths.size()));
            }
            List<TypeFault> faults = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            boolean late = false;
            for (int i = 0; i < count; i++) {
                String path = paths.get(random.nextInt(paths.size()));
                if (faults.stream().anyMatch(f -> f.path().equals(path))) {
                    continue; // one fault per type, so that retries meet one fault's count at a time
                }
                What what = What.values()[random.nextInt(What.values().length - 1)];
                if (what == What.LATE && late) {
                    what = What.S503; // one late type per trial: each late answer costs a client timeout
                }
                late |= what == What.LATE;
                int times = what == What.LATE ? 1 : random.nextInt(3) == 0 ? Integer.MAX_VALUE
                        : 1 + random.nextInt(ATTEMPTS - 2);
                faults.add(new TypeFault(path, what, random.nextInt(3), times));
            }
            return new Trial(seed, faults, 0);
        }

        boolean late() {
            return faults.stream().anyMatch(f -> f.what() == What.LATE);
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + (killStep > 0 ? "kill at progress step " + killStep : faults.toString());
        }
    }

    @TestFactory
    Stream<DynamicTest> faultsLeaveOutOnlyTheTypesThatStillFailAndNeverHalfAType() {
        int trials = Integer.getInteger("ferry.inventoryFaultTrials", DEFAULT_TRIALS);
        long seed = Long.getLong("ferry.inventoryFaultSeed", DEFAULT_SEED);
        return IntStream.range(0, trials).mapToObj(i -> Trial.draw(seed + i, listed)).map(trial ->
                DynamicTest.dynamicTest(trial.toString(), () -> {
                    try {
                        run(trial);
                    } catch (Throwable e) {
                        throw new AssertionError("Inventory fault trial failed: " + trial + ". Rerun it with "
                                + "-Dferry.inventoryFaultSeed=" + trial.seed() + " -Dferry.inventoryFaultTrials=1",
                                e);
                    } finally {
                        clusters.sourceServer.faults().clear();
                    }
                }));
    }

    private static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedKill() {
            super("simulated kill", null, false, false);
        }
    }

    private void run(Trial trial) throws Exception {
        Path out = dir.resolve("trial-" + trial.seed());
        if (trial.killStep() > 0) {
            // an earlier inventory is in the folder: a killed run must leave it as it was
            inventory(source, out, InventoryListener.none());
            AtomicInteger steps = new AtomicInteger();
            try {
                inventory(source, out, progress -> {
                    if (steps.incrementAndGet() == trial.killStep()) {
                        throw new SimulatedKill();
                    }
                });
                assertThat(steps.get()).as("the run ended before the kill step").isLessThan(trial.killStep());
            } catch (SimulatedKill expected) {
                // killed mid-inventory
            }
            assertThat(files(out)).isEqualTo(baseline);
            assertNoTemporaryFolders();
            return;
        }
        List<Fault> armed = new ArrayList<>();
        for (TypeFault fault : trial.faults()) {
            armed.add(arm(fault));
        }
        InventoryResult result;
        try {
            result = inventory(trial.late() ? impatient : source, out, InventoryListener.none());
        } catch (ClusterException e) {
            // only a server that stays unreachable stops the whole inventory
            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(IntStream.range(0, armed.size()).anyMatch(i -> trial.faults().get(i).what() == What.DROP
                    && trial.faults().get(i).times() >= ATTEMPTS && armed.get(i).fired() > 0)).isTrue();
            assertThat(out).doesNotExist();
            assertNoTemporaryFolders();
            return;
        }
        Set<String> mustFail = new TreeSet<>();
        Set<String> mayFail = new TreeSet<>();
        for (int i = 0; i < armed.size(); i++) {
            TypeFault fault = trial.faults().get(i);
            if (armed.get(i).fired() == 0) {
                continue;
            }
            if (!fault.what().retryable || fault.times() >= ATTEMPTS) {
                mustFail.add(fault.path());
            }
            mayFail.add(fault.path());
        }
        Set<String> failedKinds = result.failures().stream().map(f -> f.apiVersion() + "/" + f.kind())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(failedKinds).as("failed types").hasSize(mustFail.size());
        for (InventoryResult.TypeFailure failure : result.failures()) {
            assertThat(failure.reason()).as("reason for %s", failure.kind()).contains("not in the inventory")
                    .containsPattern("\\((403|409|429|500|503)\\)|gave up after");
        }
        Map<String, String> expected = new TreeMap<>();
        baseline.forEach((path, text) -> {
            if (!failedKinds.contains(typeOf(text))) {
                expected.put(path, text);
            }
        });
        Map<String, String> actual = files(out);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(actual).isEqualTo(expected);
        assertThat(mayFail).as("faulted paths").containsAll(mustFail);
    }

    private static String typeOf(String yaml) {
        JsonNode node = Yaml.parse(yaml);
        return node.path("apiVersion").asText() + "/" + node.path("kind").asText();
    }

    private static Fault arm(TypeFault fault) {
        FaultSpec spec = clusters.sourceServer.faults().on("GET", java.util.regex.Pattern.quote(fault.path()))
                .where(r -> r.param("limit").isPresent()).skip(fault.skip());
        if (fault.times() == Integer.MAX_VALUE) {
            spec.always();
        } else {
            spec.times(fault.times());
        }
        return switch (fault.what()) {
            case S429 -> spec.throttle(Duration.ZERO);
            case S500 -> spec.respond(500);
            case S503 -> spec.respond(503);
            case S409 -> spec.respond(409);
            case S403 -> spec.respond(403);
            case DROP -> spec.drop();
            case LATE -> spec.delay(Duration.ofMillis(2_500));
            case KILL -> throw new IllegalStateException();
        };
    }

    private static InventoryResult inventory(SourceCluster from, Path out, InventoryListener listener)
            throws Exception {
        return new InventoryService(from, InventoryOptions.defaults().withPageSize(PAGE_SIZE)
                .withRetry(TestClusters.fastRetry()), listener, Cancellation.none()).run(out);
    }

    private static void assertNoTemporaryFolders() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-")))
                    .as("temporary inventory folders left behind").isEmpty();
        }
    }

    /** Every file of an inventory but its summary (which holds the time it was taken). */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                if (!relative.equals(".inventory.yaml")) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
