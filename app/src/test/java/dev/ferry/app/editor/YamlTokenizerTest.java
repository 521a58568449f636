package dev.ferry.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YamlTokenizerTest {

    /** token text → style class, for readable assertions. */
    private static Map<String, String> styles(String text) {
        return YamlTokenizer.tokenize(text).stream().collect(Collectors.toMap(
                t -> text.substring(t.start(), t.end()), StyleRange::styleClass, (a, b) -> a + "," + b));
    }

    @Test
    void marksKeysAndScalarsByType() {
        Map<String, String> styles = styles("""
                apiVersion: v1
                replicas: 3
                enabled: true
                ratio: 0.5
                empty: null
                note: "quoted # not a comment"
                """);

        assertThat(styles).containsEntry("apiVersion", YamlTokenizer.KEY)
                .containsEntry("v1", YamlTokenizer.STRING)
                .containsEntry("3", YamlTokenizer.NUMBER)
                .containsEntry("true", YamlTokenizer.BOOLEAN)
                .containsEntry("0.5", YamlTokenizer.NUMBER)
                .containsEntry("null", YamlTokenizer.NULL)
                .containsEntry("\"quoted # not a comment\"", YamlTokenizer.STRING);
    }

    @Test
    void marksCommentsDocumentMarkersAnchorsAndAliases() {
        Map<String, String> styles = styles("""
                ---
                # a comment
                base: &defaults
                  cpu: 100m # trailing
                other: *defaults
                ...
                """);

        assertThat(styles).containsEntry("# a comment", YamlTokenizer.COMMENT)
                .containsEntry("# trailing", YamlTokenizer.COMMENT)
                .containsEntry("&defaults", YamlTokenizer.ANCHOR)
                .containsEntry("*defaults", YamlTokenizer.ANCHOR)
                .containsEntry("100m", YamlTokenizer.STRING);
        assertThat(styles.get("---")).isEqualTo(YamlTokenizer.DOCUMENT);
        assertThat(styles.get("...")).isEqualTo(YamlTokenizer.DOCUMENT);
    }

    @Test
    void marksKeysInsideSequencesAndBlockScalarsAsStrings() {
        String text = """
                containers:
                  - name: web
                    args: |
                      --port=80
                      key: not a key
                    image: nginx
                """;
        List<StyleRange> tokens = YamlTokenizer.tokenize(text);
        Map<String, String> styles = styles(text);

        assertThat(styles).containsEntry("name", YamlTokenizer.KEY)
                .containsEntry("-", YamlTokenizer.PUNCTUATION)
                .containsEntry("--port=80", YamlTokenizer.STRING)
                .containsEntry("key: not a key", YamlTokenizer.STRING)
                .containsEntry("image", YamlTokenizer.KEY);
        assertThat(tokens).isSortedAccordingTo(java.util.Comparator.comparingInt(StyleRange::start));
    }

    @Test
    void tokensNeverOverlapOrLeaveTheText() {
        String text = "a: 'it''s'\n- - x: [1, 2]\n  key with spaces: {a: b}\n\"q\": \"unterminated\n";
        List<StyleRange> tokens = YamlTokenizer.tokenize(text);

        for (int i = 0; i < tokens.size(); i++) {
            assertThat(tokens.get(i).end()).isLessThanOrEqualTo(text.length());
            if (i > 0) {
                assertThat(tokens.get(i).start()).isGreaterThanOrEqualTo(tokens.get(i - 1).end());
            }
        }
        assertThat(styles(text)).containsEntry("'it''s'", YamlTokenizer.STRING)
                .containsEntry("key with spaces", YamlTokenizer.KEY);
    }

    @Test
    void runsForDisplayTakeTheBlanksBeforeEachTokenAndKeepItsStyle() {
        String text = "spec:\n  replicas:  3 # two\n  - name: web\n";
        List<String> runs = YamlTokenizer.tokenRuns(text).stream()
                .map(r -> "[" + text.substring(r.start(), r.end()) + "]" + r.styleClass()).toList();

        // the colons stay unstyled text between the runs
        assertThat(runs).containsExactly("[spec]yaml-key", "[  replicas]yaml-key", "[  3]yaml-number",
                "[ # two]yaml-comment", "[  -]yaml-punctuation", "[ name]yaml-key", "[ web]yaml-string");
        assertThat(YamlTokenizer.tokenRuns(text)).extracting(StyleRange::styleClass)
                .containsExactlyElementsOf(YamlTokenizer.tokenize(text).stream().map(StyleRange::styleClass).toList());
    }
}
