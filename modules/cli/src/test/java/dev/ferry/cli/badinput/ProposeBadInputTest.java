package dev.ferry.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ferry propose} given hostile manifests: each is named in a clear message (with its line where there is one),
 * nothing is written, an existing bundle is left as it was, and no stack trace reaches the user. The timeout only
 * guards against a hang; the surefire heap limit bounds memory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProposeBadInputTest {

    @FunctionalInterface
    interface Writer {
        Path write(Path dir, String name) throws IOException;
    }

    @TempDir
    Path dir;

    /** Hostile input, how to write it, and what the message must say beyond the file's name. */
    static Stream<Arguments> hostileManifests() {
        return Stream.of(
                Arguments.of("truncated", (Writer) HostileFiles::truncated, ".yaml:9 ", "malformed YAML"),
                Arguments.of("malformed", (Writer) HostileFiles::malformed, ".yaml:4", "malformed YAML"),
                Arguments.of("alias bomb", (Writer) HostileFiles::aliasBomb, "billion laughs", ""),
                Arguments.of("100 MB scalar", (Writer) HostileFiles::hugeScalar, "byte limit for one file", ""),
                Arguments.of("9 MB document", (Writer) HostileFiles::oversizedDocument, "limit for one document", ""),
                Arguments.of("deep flow nesting", (Writer) HostileFiles::deepFlow, "nested", ""),
                Arguments.of("deep block sequences", (Writer) HostileFiles::deepBlockSequence, "nested", ""),
                Arguments.of("deep block mappings", (Writer) HostileFiles::deepBlockMapping, "nested", ""),
                Arguments.of("invalid UTF-8", (Writer) HostileFiles::invalidUtf8, ".yaml:4", "not valid UTF-8"),
                Arguments.of("PNG named .yaml", (Writer) HostileFiles::png, "binary file", ""),
                Arguments.of("random bytes", (Writer) HostileFiles::randomBytes, "", ""),
                Arguments.of("control characters", (Writer) HostileFiles::controlCharacters, ".yaml:3", "U+0007"),
                Arguments.of("duplicate keys", (Writer) HostileFiles::duplicateKeys, ".yaml:5", "duplicate key `name`"),
                Arguments.of("List of non-objects", (Writer) HostileFiles::listOfScalars, "item 0 of the list", ""),
                Arguments.of("scalar at the top", (Writer) HostileFiles::topLevelScalar, "not a Kubernetes object", ""),
                Arguments.of("kind not text", (Writer) HostileFiles::kindNotText, "missing kind", ""),
                Arguments.of("missing metadata.name", (Writer) HostileFiles::missingName, "missing metadata.name", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileManifests")
    void aHostileFileAloneIsNamedAndNothingIsWritten(String label, Writer writer, String detail, String more)
            throws IOException {
        Path input = writer.write(dir, "hostile.yaml");
        Path out = dir.resolve("bundle");

        Ferry run = Ferry.run("propose", "--out", out, input).refusedNaming("cannot read " + input, detail, more);

        assertThat(run.err()).contains("no Kubernetes objects found");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".tmp-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileManifests")
    void strictRefusesAHostileFileBesideAGoodOneAndLeavesTheExistingBundleAsItWas(String label, Writer writer,
            String detail, String more) throws IOException {
        Path good = HostileFiles.write(dir, "good/deployment.yaml", HostileFiles.DEPLOYMENT);
        Path out = dir.resolve("bundle");
        assertThat(Ferry.run("propose", "--out", out, good).exitCode()).isZero();
        Map<String, String> before = Ferry.snapshot(out);
        Path input = writer.write(dir, "inputs/hostile.yaml");

        Ferry.run("propose", "--strict", "--out", out, good, dir.resolve("inputs"))
                .refusedNaming("cannot read " + input, detail, more, "--strict", "nothing was written");

        assertThat(Ferry.snapshot(out)).isEqualTo(before);
    }

    @Test
    void withoutStrictTheGoodObjectsAreProposedAndEveryBadDocumentIsListed() throws IOException {
        Path inputs = dir.resolve("inputs");
        HostileFiles.write(inputs, "good.yaml", HostileFiles.DEPLOYMENT);
        HostileFiles.malformed(inputs, "malformed.yaml");
        HostileFiles.aliasBomb(inputs, "bomb.yaml");
        HostileFiles.png(inputs, "image.yaml");
        Path out = dir.resolve("bundle");

        Ferry run = Ferry.run("propose", "--out", out, inputs).withoutStackTrace();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).contains("cannot read " + inputs.resolve("malformed.yaml") + ":4",
                "cannot read " + inputs.resolve("bomb.yaml"), "cannot read " + inputs.resolve("image.yaml"));
        assertThat(out.resolve("report.md")).content().contains("malformed.yaml", "bomb.yaml", "image.yaml");
    }

    @Test
    void aKindNoClusterHasIsCarriedUnchangedLikeAnyCustomResource() throws IOException {
        Path input = HostileFiles.write(dir, "made-up.yaml",
                "apiVersion: example.invalid/v1\nkind: NoSuchKind\nmetadata: {name: x, namespace: shop}\nspec: {a: 1}\n");
        Path out = dir.resolve("bundle");

        Ferry run = Ferry.run("propose", "--out", out, input).withoutStackTrace();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(out.resolve("proposed/shop/nosuchkind.x.yaml")).content().contains("kind: NoSuchKind", "a: 1");
    }

    @Test
    void anEmptyOrCommentOnlyInputIsNamedAsHavingNoObjects() throws IOException {
        Path empty = HostileFiles.write(dir, "empty.yaml", "");
        Path comments = HostileFiles.write(dir, "comments.yaml", "# nothing here\n---\n# nor here\n");
        Path out = dir.resolve("bundle");

        Ferry.run("propose", "--out", out, empty, comments)
                .refusedNaming("no Kubernetes objects found", empty.toString(), comments.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingInputIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        Ferry.run("propose", "--out", dir.resolve("bundle"), missing).refusedNaming(missing + ": does not exist");
        assertThat(dir.resolve("bundle")).doesNotExist();
    }

    @Test
    void anOutFolderThatIsNotABundleIsRefusedAndLeftAlone() throws IOException {
        Path good = HostileFiles.write(dir, "good.yaml", HostileFiles.DEPLOYMENT);
        Path out = dir.resolve("precious");
        HostileFiles.write(out, "thesis.txt", "years of work");
        Map<String, String> before = Ferry.snapshot(out);

        Ferry.run("propose", "--out", out, good).refusedNaming(out.toString());

        assertThat(Ferry.snapshot(out)).isEqualTo(before);
    }
}
