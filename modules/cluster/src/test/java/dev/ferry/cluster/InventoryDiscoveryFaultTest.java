package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.inventory.InventoryListener;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryResult;
import dev.ferry.cluster.inventory.InventoryService;
import dev.ferry.sandbox.DemoEstate;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A group's discovery document that fails for a moment (throttled, a server error) must not lose the group's types;
 * one that keeps failing (an aggregated API that is down) is reported and the rest is listed.
 */
class InventoryDiscoveryFaultTest {

    @TempDir
    static Path dir;

    private static TestClusters clusters;
    private static SourceCluster source;
    private static InventoryResult clean;

    @BeforeAll
    static void start() throws Exception {
        clusters = TestClusters.start(dir);
        clusters.sourceServer.load(DemoEstate.objects());
        source = clusters.source();
        clean = inventory("clean");
    }

    @AfterEach
    void clearFaults() {
        clusters.sourceServer.faults().clear();
    }

    @AfterAll
    static void stop() {
        source.close();
        clusters.close();
    }

    private static InventoryResult inventory(String out) throws Exception {
        return new InventoryService(source, InventoryOptions.defaults().withRetry(TestClusters.fastRetry()),
                InventoryListener.none(), Cancellation.none()).run(dir.resolve(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void aTransientFailureOfAGroupsDiscoveryIsRetried(int status) throws Exception {
        clusters.sourceServer.faults().on("GET", "/apis/apps/v1").times(2).respond(status);

        InventoryResult faulted = inventory("faulted-" + status);

        assertThat(faulted.discoveryFailures()).isEmpty();
        assertThat(faulted.listed()).isEqualTo(clean.listed());
        assertThat(faulted.objects()).isEqualTo(clean.objects());
    }

    @Test
    void aGroupWhoseDiscoveryKeepsFailingIsReportedAndTheRestIsListed() throws Exception {
        clusters.sourceServer.faults().on("GET", "/apis/apps/v1").always().respond(503);

        InventoryResult faulted = inventory("faulted-always");

        assertThat(faulted.discoveryFailures()).singleElement().asString().startsWith("apps/v1: ").contains("503");
        assertThat(faulted.listed()).isNotEmpty().noneMatch(t -> t.apiVersion().equals("apps/v1"))
                .hasSize(clean.listed().size() - (int) clean.listed().stream()
                        .filter(t -> t.apiVersion().equals("apps/v1")).count());
    }
}
