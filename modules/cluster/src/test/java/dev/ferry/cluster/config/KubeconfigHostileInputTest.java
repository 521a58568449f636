package dev.ferry.cluster.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defects the bad-input suite found in loading kubeconfigs, one test each. */
class KubeconfigHostileInputTest {

    @TempDir
    Path dir;

    private final KubeconfigLoader loader = new KubeconfigLoader(Map.of(), Path.of("no-home"));

    @Test
    void refusesAFileFarLargerThanAKubeconfigInsteadOfParsingItForHours() throws IOException {
        Path file = dir.resolve("huge");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("clusters: ".getBytes());
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 17; i++) {
                out.write(chunk);
            }
        }

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("`" + file + "` is 17 MB");
    }

    @Test
    void refusesAnOverlongLine() throws IOException {
        Path file = Files.writeString(dir.resolve("long"), "apiVersion: v1\nclusters: " + "x".repeat(2 * 1024 * 1024));

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("line 2 is longer than 1024 KB");
    }

    @Test
    void namesAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(dir.resolve("binary"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A});

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("is not UTF-8 text")
                .hasMessageNotContaining("MalformedInput");
    }
}
