package dev.ferry.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Defects the bad-input suite found in the reader, one test each. */
class HostileInputReaderTest {

    private final ManifestReader reader = new ManifestReader();

    @Test
    void namesTheLineOfAControlCharacterAndTheCharacter() {
        ManifestSet read = reader.readText("bell.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \u0007bell}\n");

        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("U+0007", "control character");
        });
    }

    @Test
    void namesTheLineOfAControlCharacterInALaterDocument() {
        ManifestSet read = reader.readText("two.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\n"
                        + "metadata: {name: b}\ndata: {x: \"\u001b\"}\n");

        assertThat(read.objects()).hasSize(1);
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.document()).isEqualTo(2);
            assertThat(p.line()).isEqualTo(8);
        });
    }

    @Test
    void aDocumentCutShortIsReportedOnItsLastLineNotPastTheEndOfTheFile() {
        ManifestSet read = reader.readText("cut.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [a, b");

        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void treeReaderNamesTheLastLineWhenTheStreamEndsEarly() {
        YamlTreeReader trees = new YamlTreeReader(ReadLimits.defaults());

        assertThatThrownBy(() -> trees.read("a: 1\nb: {c: [\n"))
                .isInstanceOfSatisfying(YamlTreeReader.YamlReadException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void anErrorAtTheEndOfAFileThatEndsInANewlineIsOnItsLastLine() {
        ManifestSet read = reader.readText("anchor.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n&a \n");

        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }
}
