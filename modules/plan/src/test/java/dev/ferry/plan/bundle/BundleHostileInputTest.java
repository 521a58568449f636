package dev.ferry.plan.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defects the bad-input suite found in reading and unpacking bundles, one test each. */
class BundleHostileInputTest {

    @TempDir
    Path dir;
    Path bundle;

    @BeforeEach
    void write() throws BundleException {
        ManifestSet input = new ManifestReader().readText("estate.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec: {template: {spec: {containers: [{name: web, image: shopacr.azurecr.io/web:1}]}}}
                """);
        MigrationSettings settings = MigrationSettings.empty(Direction.AKS_TO_EKS);
        bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(new BundleContent(new ProposeService().propose(input, settings),
                settings, "test", input.problems(), "test", Instant.parse("2026-11-21T00:00:00Z")), bundle);
    }

    @Test
    void refusesASymbolicLinkThatReplacesAFile() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        Path file = bundle.resolve("source/shop/deployment.web.yaml");
        Files.delete(file);
        Files.createSymbolicLink(file, outside);

        assertThatThrownBy(() -> new BundleReader().read(bundle)).isInstanceOf(BundleException.class)
                .hasMessageContaining("source/shop/deployment.web.yaml is a symbolic link");
    }

    @Test
    void refusesAFolderThatIsASymbolicLinkSoSavingCannotWriteOutside() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(bundle.resolve("journal"), outside);

        assertThatThrownBy(() -> new BundleReader().read(bundle)).hasMessageContaining("journal is a symbolic link");
    }

    @Test
    void refusesALineLongerThanFerryWritesInsteadOfScanningItForHours() throws IOException {
        Path changes = bundle.resolve("changes.yaml");
        try (OutputStream out = Files.newOutputStream(changes)) {
            out.write("- id: x\n  summary: ".getBytes());
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 9; i++) {
                out.write(chunk);
            }
        }

        assertThatThrownBy(() -> BundleReader.readTree(bundle, "changes.yaml"))
                .hasMessageContaining("changes.yaml:2 is longer than 8 MB");
    }

    @Test
    void namesABinaryFileAsNotUtf8WithoutExceptionNames() throws IOException {
        Files.write(bundle.resolve("bundle.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

        assertThatThrownBy(() -> new BundleReader().read(bundle))
                .hasMessageContaining("bundle.yaml cannot be read: it is not valid UTF-8 text")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void namesTheChangeThatCannotBeReadByItsPlaceInTheWholeFileThoughItIsReadInParts() throws Exception {
        StringBuilder estate = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            estate.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web").append(i)
                    .append(", namespace: shop}\nspec: {template: {spec: {containers: [{name: web, image: ")
                    .append("shopacr.azurecr.io/web:1}]}}}\n");
        }
        ManifestSet input = new ManifestReader().readText("estate.yaml", estate.toString());
        MigrationSettings settings = MigrationSettings.empty(Direction.AKS_TO_EKS);
        Path many = dir.resolve("many");
        new BundleWriter(new ProposeReport()).write(new BundleContent(new ProposeService().propose(input, settings),
                settings, "test", input.problems(), "test", Instant.parse("2026-11-21T00:00:00Z")), many);
        Path changes = many.resolve("changes.yaml");
        String text = Files.readString(changes);
        int seventh = 0; // the first entry starts the file
        for (int i = 1; i < 7; i++) {
            seventh = text.indexOf("\n  - id: ", seventh + 1);
        }
        int type = text.indexOf("\n    type: ", seventh);
        int end = text.indexOf('\n', type + 1);
        Files.writeString(changes, text.substring(0, type) + "\n    type: teleport" + text.substring(end));

        assertThat(SequenceSplitter.split(Files.readString(changes), 4)).hasSizeGreaterThan(1);
        assertThatThrownBy(() -> new BundleReader().read(many)).isInstanceOf(BundleException.class)
                .hasMessageContaining("changes.yaml: change 7 cannot be read");
    }

    @Test
    void namesAnArtifactThatIsNotUtf8() throws IOException {
        Path artifact;
        try (var files = Files.walk(bundle.resolve("artifacts"))) {
            artifact = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.write(artifact, new byte[] {'o', 'k', (byte) 0xC3, '\n'});

        assertThatThrownBy(() -> new BundleReader().read(bundle)).isInstanceOf(BundleException.class)
                .hasMessageContaining("Cannot read artifact " + bundle.resolve("artifacts").relativize(artifact))
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void refusesExclusionsThatAreNotMappingsWithResourceAndReason() throws IOException {
        Files.writeString(bundle.resolve("excluded.yaml"), "- resource: [1, 2]\n  reason: {a: b}\n");

        assertThatThrownBy(() -> new BundleReader().read(bundle)).hasMessageContaining("excluded.yaml: entry 1");
    }

    @Test
    void refusesAZipBombByItsCompressionRatio() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("changes.yaml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        Path target = dir.resolve("unpacked");

        assertThatThrownBy(() -> BundleArchive.unpack(zip, target)).hasMessageContaining("zip bomb");
        assertThat(Files.size(target.resolve("changes.yaml"))).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void unpacksARealBundleWhoseYamlCompressesWell() throws Exception {
        Path zip = dir.resolve("real.zip");
        BundleArchive.pack(bundle, zip);

        BundleArchive.unpack(zip, dir.resolve("unpacked"));

        assertThat(new BundleReader().read(dir.resolve("unpacked")).verification().intact()).isTrue();
    }
}
