package dev.ferry.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SecretRedactor;
import dev.ferry.plan.bundle.ClusterOrigin;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.waves.Wave;
import dev.ferry.sandbox.DemoEstate;
import dev.ferry.sandbox.SandboxPair;
import dev.ferry.sandbox.TargetAddOns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI workflow against an in-process sandbox pair (the demo AKS estate on the source, the add-on CRDs of a
 * prepared EKS target on the target): inventory → propose → approve → plan → apply every wave → the target holds
 * the proposed objects → rollback of the last wave restores the target exactly → rollback of every wave leaves the
 * target as it was before the first apply.
 */
class CliEndToEndTest {

    private static final String SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
            ingress: {certificates: {shop-tls: "arn:aws:acm:eu-west-1:111122223333:certificate/0000"}}
            storage: {efsFileSystemId: fs-0123456789abcdef0}
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
            """;

    @TempDir
    Path dir;

    private SandboxPair sandboxes;
    private Path bundle;

    @BeforeEach
    void start() throws Exception {
        sandboxes = SandboxPair.start(dir.resolve("sandbox"), SandboxPair.Estate.DEMO, 0, Duration.ofMillis(20));
        bundle = dir.resolve("bundle");
    }

    @AfterEach
    void stop() {
        sandboxes.close();
    }

    @Test
    void inventoryProposeApproveApplyEveryWaveAndRollBackRestoreTheTarget() throws Exception {
        Path settings = Files.writeString(dir.resolve("settings.yaml"), SETTINGS);
        Path inventory = dir.resolve("inventory");
        ferry("inventory", "--context", SandboxPair.SOURCE_CONTEXT, "--kubeconfig",
                sandboxes.sourceKubeconfig().toString(), "--out", inventory.toString());
        ferry("propose", "--settings", settings.toString(), "--out", bundle.toString(), inventory.toString());
        assertThat(ClusterOrigin.fromManifest(Yaml.parse(Files.readString(bundle.resolve("bundle.yaml")))))
                .contains(new ClusterOrigin(SandboxPair.SOURCE_CONTEXT, sandboxes.source().url()));
        ferry("approve", bundle.toString(), "--all", "--by", "e2e");
        ferry("plan", bundle.toString(), "--auto", "--by", "e2e");
        Path secrets = secretValues(dir.resolve("secrets"));

        List<Wave> waves;
        Map<Integer, List<KubeObject>> proposedByWave = new LinkedHashMap<>();
        try (ReviewSession session = ReviewSession.open(bundle)) {
            waves = session.plan().orElseThrow().waves();
            for (Wave wave : waves) {
                List<KubeObject> objects = new ArrayList<>();
                wave.members().forEach(key -> session.proposed(key).ifPresent(objects::add));
                proposedByWave.put(wave.number(), objects);
            }
        }
        assertThat(waves).hasSizeGreaterThan(1);
        // the target's add-ons own their CRDs: the bundle carries none of them, so no apply conflicts on one
        List<String> proposedCrds = proposedByWave.values().stream().flatMap(List::stream)
                .filter(o -> o.kind().equals("CustomResourceDefinition")).map(KubeObject::name).toList();
        assertThat(proposedCrds).doesNotContainAnyElementsOf(TargetAddOns.eks().stream()
                .map(crd -> crd.at("/metadata/name").asText()).toList())
                .doesNotContain("secretproviderclasses.secrets-store.csi.x-k8s.io");

        try (LiveObjects target = new LiveObjects(sandboxes.targetKubeconfig(), SandboxPair.TARGET_CONTEXT)) {
            Map<String, JsonNode> beforeApply = target.snapshot();
            Map<String, JsonNode> beforeLastWave = beforeApply;
            for (Wave wave : waves) {
                beforeLastWave = target.snapshot();
                ferry("apply", bundle.toString(), "--wave", String.valueOf(wave.number()), "--context",
                        SandboxPair.TARGET_CONTEXT, "--kubeconfig", sandboxes.targetKubeconfig().toString(),
                        "--secrets-dir", secrets.toString());
            }

            List<String> differences = new ArrayList<>();
            int checked = 0;
            for (List<KubeObject> objects : proposedByWave.values()) {
                for (KubeObject proposed : objects) {
                    JsonNode live = target.get(proposed.key()).orElse(null);
                    if (live == null) {
                        differences.add(proposed.key() + ": missing on the target");
                        continue;
                    }
                    JsonNode wanted = LiveObjects.withoutServerFields(proposed.copyBody());
                    if (proposed.key().isKind("", "Secret")) {
                        // values are supplied at apply time: the proposed Secret holds their digests, which
                        // apply checks and does not write
                        ObjectNode secret = (ObjectNode) wanted;
                        secret.remove("data");
                        ObjectNode metadata = (ObjectNode) secret.get("metadata");
                        if (metadata.path("annotations") instanceof ObjectNode annotations) {
                            annotations.remove(SecretRedactor.DIGESTS_ANNOTATION);
                            if (annotations.isEmpty()) {
                                metadata.remove("annotations");
                            }
                        }
                    }
                    LiveObjects.differences(wanted, live).forEach(d -> differences.add(proposed.key() + d));
                    checked++;
                }
            }
            assertThat(differences).as("target objects that differ from the proposed ones").isEmpty();
            assertThat(checked).isGreaterThan(50);

            int last = waves.get(waves.size() - 1).number();
            ferry("rollback", bundle.toString(), "--wave", String.valueOf(last), "--context",
                    SandboxPair.TARGET_CONTEXT, "--kubeconfig", sandboxes.targetKubeconfig().toString());
            assertThat(target.snapshot()).as("the target after rolling back the last wave")
                    .isEqualTo(beforeLastWave);

            for (int i = waves.size() - 2; i >= 0; i--) {
                ferry("rollback", bundle.toString(), "--wave", String.valueOf(waves.get(i).number()), "--context",
                        SandboxPair.TARGET_CONTEXT, "--kubeconfig", sandboxes.targetKubeconfig().toString());
            }
            assertThat(target.snapshot()).as("the target after rolling back every wave").isEqualTo(beforeApply);
        }
    }

    private static Ferry ferry(String... args) {
        return Ferry.run(args).expect(0);
    }

    /** The demo estate's Secret values as `ferry apply --secrets-dir` reads them: DIR/namespace/name/key. */
    private static Path secretValues(Path root) throws Exception {
        for (JsonNode object : DemoEstate.objects()) {
            if (!object.path("kind").asText().equals("Secret")) {
                continue;
            }
            Path folder = root.resolve(object.at("/metadata/namespace").asText("default"))
                    .resolve(object.at("/metadata/name").asText());
            Files.createDirectories(folder);
            var data = object.path("data").fields();
            while (data.hasNext()) {
                var entry = data.next();
                Files.write(folder.resolve(entry.getKey()), Base64.getDecoder().decode(entry.getValue().asText()));
            }
            var text = object.path("stringData").fields();
            while (text.hasNext()) {
                var entry = text.next();
                Files.writeString(folder.resolve(entry.getKey()), entry.getValue().asText(), StandardCharsets.UTF_8);
            }
        }
        return root;
    }
}
