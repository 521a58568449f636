package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testkit.EstateGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds Secrets with canary values and proves that no canary, in plain text or base64, reaches any file of the
 * bundle or anything the command prints.
 */
class SecretLeakTest {

    @TempDir
    Path dir;

    @Test
    void noCanaryReachesTheBundleOrTheOutput() throws IOException {
        Path estate = dir.resolve("estate");
        new EstateGenerator(42).writeFiles(estate, 500);
        List<String> canaries = canaries(estate);
        assertThat(canaries).as("the estate must carry canaries for this test to mean anything").hasSizeGreaterThan(20);

        CliRunner result = CliRunner.run("propose", "--out", dir.resolve("bundle").toString(), estate.toString());
        assertThat(result.exitCode()).isZero();

        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("bundle"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                canaries.stream().filter(text::contains).forEach(c -> leaks.add(file + " contains a canary"));
            }
        }
        for (String canary : canaries) {
            if (result.out().contains(canary) || result.err().contains(canary)) {
                leaks.add("the command's output contains a canary");
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Every canary as written (plain) and as it appears base64-encoded in Secret data. */
    private static List<String> canaries(Path estate) throws IOException {
        Pattern plain = Pattern.compile(Pattern.quote(EstateGenerator.CANARY_PREFIX) + "[A-Za-z0-9-]+");
        Pattern base64 = Pattern.compile("(?:password|\\.dockerconfigjson): ([A-Za-z0-9+/=]+)");
        List<String> canaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(estate)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                Matcher m = plain.matcher(text);
                while (m.find()) {
                    canaries.add(m.group());
                }
                Matcher b = base64.matcher(text);
                while (b.find()) {
                    canaries.add(b.group(1));
                    String decoded = new String(Base64.getDecoder().decode(b.group(1)), StandardCharsets.UTF_8);
                    canaries.add(decoded);
                }
            }
        }
        return canaries;
    }
}
