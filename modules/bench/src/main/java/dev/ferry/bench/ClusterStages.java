package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.inventory.InventoryListener;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryService;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.FileTrees;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The stages against sandbox API servers, each server in its own JVM ({@link SandboxProcess}): inventory of a
 * sandbox holding the estate, and apply of the estate as one wave to an empty sandbox.
 */
final class ClusterStages {

    private ClusterStages() {
    }

    static List<Stage> all() {
        return List.of(inventory(), apply());
    }

    static Stage inventory() {
        return EngineStages.stage("inventory", "InventoryService: discover, list, redact and write a sandbox holding "
                + "the estate", fixture -> {
                    Path out = fixture.scratch("inventory");
                    SandboxProcess source = SandboxProcess.start(fixture.work(), "source", fixture.estate());
                    return new Stage.Run() {
                        @Override
                        public int run(int rep) throws Exception {
                            try (SourceCluster cluster = new ClusterConnector().connectSource(
                                    new KubeconfigLoader().load(source.kubeconfig()), source.context())) {
                                return (int) new InventoryService(cluster, InventoryOptions.defaults(),
                                        InventoryListener.none(), Cancellation.none()).run(out).objects();
                            }
                        }

                        @Override
                        public void reset(int rep) throws Exception {
                            FileTrees.delete(out);
                        }

                        @Override
                        public void close() throws IOException {
                            source.close();
                        }
                    };
                });
    }

    static Stage apply() {
        return EngineStages.stage("apply", "WaveApplier: the sanitized estate as one wave to an empty sandbox, with "
                + "dry run, journal and readiness", fixture -> {
                    List<KubeObject> raw = fixture.read().objects();
                    Path values = fixture.scratch("secret-values");
                    writeSecretValues(raw, values);
                    Sanitizer sanitizer = new Sanitizer();
                    List<KubeObject> wave = new ArrayList<>(raw.stream().map(sanitizer::sanitizeOne).toList());
                    wave.sort(Comparator.comparingInt(ClusterStages::applyRank));
                    Path journal = fixture.scratch("journal");
                    return new Stage.Run() {
                        private SandboxProcess target = SandboxProcess.start(fixture.work(), "target", null);

                        @Override
                        public int run(int rep) throws Exception {
                            Files.createDirectories(journal);
                            try (TargetCluster cluster = new ClusterConnector().connectTarget(
                                    new KubeconfigLoader().load(target.kubeconfig()), target.context())) {
                                ApplyOptions options = ApplyOptions.defaults().withPollInterval(Duration.ofMillis(200));
                                WaveResult result = new WaveApplier(cluster, options, WaveListener.none(),
                                        Cancellation.none()).apply(new WaveRequest(1, wave, journal,
                                        SecretValues.fromDirectory(values), null));
                                if (result.outcome() != WaveResult.Outcome.APPLIED) {
                                    String why = result.toString();
                                    throw new IOException("The wave was not applied: "
                                            + why.substring(0, Math.min(600, why.length())));
                                }
                                return result.applied();
                            }
                        }

                        @Override
                        public void reset(int rep) throws Exception {
                            target.close();
                            FileTrees.delete(journal);
                            target = SandboxProcess.start(fixture.work(), "target", null);
                        }

                        @Override
                        public void close() throws IOException {
                            target.close();
                        }
                    };
                });
    }

    /** Namespaces first, then cluster-wide objects, then the rest in estate order. */
    private static int applyRank(KubeObject object) {
        if (object.kind().equals("Namespace")) {
            return 0;
        }
        return object.namespace().isEmpty() ? 1 : 2;
    }

    private static void write(Path file, byte[] value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, value);
    }

    /** {@code DIR/<namespace>/<name>/<key>}, as {@link SecretValues#fromDirectory} reads them. */
    private static void writeSecretValues(List<KubeObject> raw, Path dir) throws IOException {
        for (KubeObject object : raw) {
            if (!object.kind().equals("Secret")) {
                continue;
            }
            Path secret = dir.resolve(object.namespace()).resolve(object.name());
            for (Map.Entry<String, JsonNode> entry : object.body().path("data").properties()) {
                write(secret.resolve(entry.getKey()), Base64.getDecoder().decode(entry.getValue().asText()));
            }
            for (Map.Entry<String, JsonNode> entry : object.body().path("stringData").properties()) {
                write(secret.resolve(entry.getKey()), entry.getValue().asText().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
