package dev.ferry.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.journal.ObjectDigest;
import dev.ferry.model.KubeObject;
import dev.ferry.model.sanitize.Sanitizer;
import dev.ferry.model.io.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretPreparerTest {

    private static final String PASSWORD = "canary-pw-77aa";
    private static final String USER = "app-user";

    @TempDir
    Path dir;

    /** A Secret as propose carries it: redacted by the model's sanitizer (key names and digests only). */
    private static KubeObject proposedSecret() {
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop, labels: {app: db}}\n"
                + "type: Opaque\ndata:\n  password: " + b64(PASSWORD) + "\n  user: " + b64(USER) + "\n";
        return new Sanitizer().sanitizeOne(KubeObject.of((ObjectNode) Yaml.parse(yaml)));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fillsValuesFromFilesAndTheEnvironmentCheckingTheirDigests() throws Exception {
        Files.createDirectories(dir.resolve("shop/db"));
        Files.writeString(dir.resolve("shop/db/password"), PASSWORD + "\n"); // as `echo` writes it
        SecretValues values = SecretValues.firstOf(SecretValues.fromDirectory(dir),
                SecretValues.fromEnvironment(Map.of("FERRY_SECRET_SHOP__DB__USER", USER)));
        List<Rejection> rejections = new ArrayList<>();
        SecretScrubber scrubber = new SecretScrubber();

        PreparedObject prepared = new SecretPreparer(values, scrubber).prepare(proposedSecret(), rejections);

        assertThat(rejections).isEmpty();
        assertThat(prepared.toSend().path("data").path("password").asText()).isEqualTo(b64(PASSWORD));
        assertThat(prepared.toSend().path("data").path("user").asText()).isEqualTo(b64(USER));
        assertThat(prepared.toSend().path("metadata").has("annotations")).isFalse();
        assertThat(prepared.digest()).isEqualTo(ObjectDigest.of(proposedSecret().body()));
        assertThat(scrubber.scrub("server said " + PASSWORD + " and " + b64(PASSWORD)))
                .doesNotContain(PASSWORD).doesNotContain(b64(PASSWORD));
    }

    @Test
    void aMissingValueNamesTheSecretTheKeyAndHowToSupplyIt() {
        List<Rejection> rejections = new ArrayList<>();
        PreparedObject prepared = new SecretPreparer(SecretValues.firstOf(SecretValues.fromDirectory(dir),
                SecretValues.fromEnvironment(Map.of())), new SecretScrubber()).prepare(proposedSecret(), rejections);

        assertThat(prepared).isNull();
        assertThat(rejections).hasSize(2);
        assertThat(rejections.get(0).resource().toString()).isEqualTo("Secret/shop/db");
        assertThat(rejections.get(0).message()).contains("`password`").contains("shop/db/password")
                .contains("FERRY_SECRET_SHOP__DB__PASSWORD");
    }

    @Test
    void aValueThatDoesNotMatchTheSourceDigestIsRejectedWithoutShowingIt() {
        List<Rejection> rejections = new ArrayList<>();
        SecretValues wrong = SecretValues.fromEnvironment(Map.of("FERRY_SECRET_SHOP__DB__PASSWORD", "wrong-value",
                "FERRY_SECRET_SHOP__DB__USER_BASE64", b64(USER)));

        new SecretPreparer(wrong, new SecretScrubber()).prepare(proposedSecret(), rejections);

        assertThat(rejections).singleElement().satisfies(r -> assertThat(r.message())
                .contains("does not match the digest").doesNotContain("wrong-value"));
    }

    @Test
    void objectsOtherThanSecretsAreSentAsTheyAre() {
        KubeObject map = KubeObject.of((ObjectNode) Yaml.parse(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\ndata: {k: v}\n"));
        PreparedObject prepared = new SecretPreparer(SecretValues.none(), new SecretScrubber())
                .prepare(map, new ArrayList<>());
        assertThat(prepared.toSend()).isEqualTo(map.body());
    }
}
