package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testkit.EstateGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposeCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesABundleAndPrintsASummaryPerEdge() throws IOException {
        Path estate = dir.resolve("estate");
        new EstateGenerator(7).writeFiles(estate, 300);
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, "direction: aks-to-eks\naws: {accountId: \"111122223333\", region: eu-west-1, "
                + "clusterName: shop-eks}\n");

        CliRunner result = CliRunner.run("propose", "--settings", settings.toString(), "--out",
                dir.resolve("bundle").toString(), estate.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Read ").contains("edge").contains("registry").contains("Bundle: ");
        assertThat(dir.resolve("bundle/bundle.yaml")).exists();
        assertThat(dir.resolve("bundle/artifacts/registry/images.tsv")).exists();
    }

    @Test
    void reportsUnreadableDocumentsWithFileAndLineAndStillProposesTheRest() throws IOException {
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("good.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: s}\n");
        Files.writeString(input.resolve("bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");

        CliRunner lenient = CliRunner.run("propose", "--out", dir.resolve("b").toString(), input.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.err()).contains("bad.yaml:").contains("(document 1)");

        CliRunner strict = CliRunner.run("propose", "--strict", "--out", dir.resolve("s").toString(), input.toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void exitsTwoOnBadSettingsNamingTheLine() throws IOException {
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, "direction: aks-to-eks\naws:\n  accountId: [oops\n");
        CliRunner result = CliRunner.run("propose", "--settings", settings.toString(), "--out",
                dir.resolve("b").toString(), dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("settings.yaml:");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void exitsTwoWhenThereIsNothingToRead() {
        CliRunner result = CliRunner.run("propose", "--out", dir.resolve("b").toString(), dir.resolve("nope").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void exitsTwoOnUsageErrors() {
        CliRunner result = CliRunner.run("propose", "somewhere");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--out");
    }

    @Test
    void helpListsEveryOption() {
        CliRunner result = CliRunner.run("propose", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--settings", "--out", "--strict", "INPUT", "--help", "--version");
    }

    @Test
    void versionNamesTheBuild() {
        CliRunner result = CliRunner.run("--version");
        assertThat(result.out()).startsWith("ferry ").doesNotContain("${");
    }
}
