package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionCommandTest {

    @Test
    void versionNamesTheProjectVersionCommitAndBuildDate() {
        CliRunner result = CliRunner.run("--version");

        assertThat(result.exitCode()).isZero();
        String first = result.out().lines().findFirst().orElse("");
        // Maven filters the resource: a placeholder left in the output means the filtering broke
        assertThat(first).doesNotContain("${").doesNotContain("unknown (commit");
        assertThat(first).matches("ferry \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}|unknown), built "
                + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\)");
        assertThat(result.out().lines()).anyMatch(line -> line.startsWith("Java " + System.getProperty("java.version")));
    }

    @Test
    void valuesTheBuildCouldNotFillReadAsUnknown() {
        Properties properties = new Properties();
        properties.setProperty("version", "0.1.0");
        properties.setProperty("commit", "${git.commit.id.abbrev}");

        VersionProvider.Build build = VersionProvider.from(properties);

        assertThat(build.version()).isEqualTo("0.1.0");
        assertThat(build.commit()).isEqualTo("unknown");
        assertThat(build.built()).isEqualTo("unknown");
        assertThat(build.describe()).isEqualTo("ferry 0.1.0 (commit unknown, built unknown)");
    }
}
