package dev.ferry.cluster.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one wave of N objects (sanitized as propose hands them over: Secrets redacted, their values supplied from a
 * folder) to a target context, with dry run, journal and readiness, and prints the time. Also writes the wave as
 * plain YAML to {@code DIR/wave.yaml} for the kubectl comparison.
 *
 * <p>Arguments: {@code KUBECONFIG CONTEXT OBJECTS NAMESPACE_PREFIX DIR [yaml-only]}; with {@code yaml-only} it only
 * writes {@code DIR/wave.yaml}.
 */
public final class ApplyBench {

    private ApplyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfigFile = Path.of(args[0]);
        String context = args[1];
        int count = Integer.parseInt(args[2]);
        String prefix = args[3];
        Path dir = Path.of(args[4]);
        List<ObjectNode> raw = BenchEstate.objects(prefix, count);
        Sanitizer sanitizer = new Sanitizer();
        List<KubeObject> wave = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        Path values = dir.resolve("secret-values");
        for (ObjectNode object : raw) {
            KubeObject kube = KubeObject.of(object);
            plain.append("---\n").append(Yaml.write(object));
            if (kube.isKind("", "Secret")) {
                int index = Integer.parseInt(kube.name().substring("app-".length()));
                Path file = values.resolve(kube.namespace()).resolve(kube.name()).resolve("password");
                Files.createDirectories(file.getParent());
                Files.writeString(file, BenchEstate.secretValue(kube.namespace(), index), StandardCharsets.UTF_8);
            }
            wave.add(sanitizer.sanitizeOne(kube));
        }
        Files.writeString(dir.resolve("wave.yaml"), plain.toString());
        if (args.length > 5 && args[5].equals("yaml-only")) {
            return;
        }
        Kubeconfig kubeconfig = new KubeconfigLoader().load(kubeconfigFile);
        long started = System.nanoTime();
        try (TargetCluster target = new ClusterConnector().connectTarget(kubeconfig, context)) {
            ApplyOptions options = ApplyOptions.defaults().withPollInterval(Duration.ofMillis(200));
            WaveResult result = new WaveApplier(target, options, WaveListener.none(), Cancellation.none())
                    .apply(new WaveRequest(1, wave, dir.resolve("bundle"), SecretValues.fromDirectory(values), null));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("outcome=" + result.outcome() + " objects=" + wave.size() + " applied="
                    + result.applied() + " millis=" + millis);
            if (result.outcome() != WaveResult.Outcome.APPLIED) {
                System.exit(1);
            }
        }
    }
}
