package dev.ferry.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretValuesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderGivesOneValuePerFileAndNeverReadsOutsideIt() throws Exception {
        Files.createDirectories(dir.resolve("values/shop/db"));
        Files.write(dir.resolve("values/shop/db/.dockerconfigjson"), new byte[] {0, 1, 2});
        Files.writeString(dir.resolve("outside"), "not a value");
        SecretValues values = SecretValues.fromDirectory(dir.resolve("values"));

        assertThat(values.value("shop", "db", ".dockerconfigjson")).hasValueSatisfying(v ->
                assertThat(v).containsExactly(0, 1, 2));
        assertThat(values.value("shop", "db", "missing")).isEmpty();
        assertThat(values.value("shop", "db", "../../../outside")).isEmpty();
        assertThat(values.howToSupply("shop", "db", "password")).contains("shop/db/password");
    }

    @Test
    void theEnvironmentNamesValuesByNamespaceNameAndKeyAndAcceptsBase64() throws Exception {
        SecretValues values = SecretValues.fromEnvironment(Map.of(
                "FERRY_SECRET_SHOP_PROD__DB_CREDENTIALS__TLS_KEY", "text",
                "FERRY_SECRET_SHOP_PROD__DB_CREDENTIALS__BLOB_BASE64", "AAEC"));

        assertThat(values.value("shop-prod", "db-credentials", "tls.key"))
                .hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("text"));
        assertThat(values.value("shop-prod", "db-credentials", "blob"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0, 1, 2));
        assertThat(values.toString()).doesNotContain("text");
    }
}
