package dev.ferry.plan.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SequenceSplitterTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String entries(int count, String indent) {
        return IntStream.range(0, count).mapToObj(i -> indent + "- id: change-" + i + "\n"
                        + indent + "  summary: \"Image moves: a - b\"\n"
                        + indent + "  patch:\n"
                        + indent + "    - op: replace\n"
                        + indent + "      value: |\n"
                        + indent + "        - not an entry\n"
                        + indent + "  # - a comment\n")
                .collect(Collectors.joining());
    }

    private static JsonNode joined(List<String> runs) throws Exception {
        ArrayNode all = YAML.createArrayNode();
        for (String run : runs) {
            all.addAll((ArrayNode) YAML.readTree(run));
        }
        return all;
    }

    @Test
    void cutsOnlyBetweenEntriesSoTheRunsReadAsTheWholeDoes() throws Exception {
        for (String indent : List.of("", "  ")) {
            String text = "# changes\n" + entries(40, indent);

            List<String> runs = SequenceSplitter.split(text, 4);

            assertThat(runs).hasSize(4);
            assertThat(String.join("", runs)).isEqualTo(text);
            assertThat(runs).allSatisfy(run -> assertThat(run.strip()).matches("(?s)(# changes\\n)?-? *- id: .*"));
            assertThat(joined(runs)).isEqualTo(YAML.readTree(text));
        }
    }

    @Test
    void leavesWholeWhatIsNotOneBlockSequence() {
        String sequence = entries(40, "");
        for (String text : List.of(
                "changes:\n" + entries(40, "  "),
                "%YAML 1.2\n---\n" + sequence,
                sequence + "---\n" + sequence,
                "  " + entries(40, "  ").strip() + "\nkey: left of the sequence\n",
                "[" + "{a: 1}, ".repeat(40) + "]\n",
                entries(3, ""))) {
            assertThat(SequenceSplitter.split(text, 4)).containsExactly(text);
        }
    }

    @Test
    void aCutInsideAQuotedStringLeavesARunThatDoesNotParse() {
        String half = entries(10, "  ");
        // the quoted string spans the middle, so the first entry-shaped line past it is the line inside the string
        String text = half + "  - id: quoted\n    summary: \"" + "x".repeat(2 * half.length())
                + "\n  - looks like an entry\"\n" + half;

        List<String> runs = SequenceSplitter.split(text, 2);

        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).startsWith("  - looks like an entry");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> YAML.readTree(runs.get(0)))
                .isInstanceOf(java.io.IOException.class);
    }
}
