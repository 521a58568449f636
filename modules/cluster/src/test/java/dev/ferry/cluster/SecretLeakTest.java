package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.apply.ObjectEvent;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.inventory.InventoryListener;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryService;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.model.KubeObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No Secret value reaches the journal, the inventory, the logs or the messages of an apply and its rollback. */
class SecretLeakTest {

    @TempDir
    Path dir;

    @Test
    void noSecretValueInJournalInventoryLogsOrEvents() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        List<ObjectEvent> events = new CopyOnWriteArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (TestClusters clusters = TestClusters.start(dir.resolve("k"));
             SourceCluster source = clusters.source();
             TargetCluster target = clusters.target()) {
            clusters.sourceServer.load(List.of(Fixtures.sourceSecret("default")));
            new InventoryService(source, InventoryOptions.defaults(), InventoryListener.none(), Cancellation.none())
                    .run(dir.resolve("inventory"));
            List<KubeObject> wave = Fixtures.portableWave("shop");
            WaveResult result = new WaveApplier(target, TestClusters.applyOptions(), events::add,
                    Cancellation.none()).apply(new WaveRequest(1, wave, dir.resolve("bundle"),
                    Fixtures.secretValues("shop"), clusters.sourceServer.url()));
            assertThat(result.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
            assertThat(target.get(wave.get(3).key()).orElseThrow().path("data").path("password").asText())
                    .isEqualTo(Fixtures.base64(Fixtures.CANARY));
            new WaveRollback(target, TestClusters.rollbackOptions(), events::add, Cancellation.none())
                    .rollback(1, dir.resolve("bundle"));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("something was logged").isNotEmpty();
        String everything = logs + events + allFiles(dir.resolve("bundle")) + allFiles(dir.resolve("inventory"));
        assertThat(everything).contains("ferry.dev/value-digests").doesNotContain(Fixtures.CANARY)
                .doesNotContain(Fixtures.base64(Fixtures.CANARY));
    }

    private static String allFiles(Path root) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }
}
