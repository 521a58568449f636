package dev.ferry.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class StyleLayersTest {

    private static List<String> flatten(StyleSpans<Collection<String>> spans) {
        List<String> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : spans) {
            out.add(span.getLength() + ":" + String.join("+", span.getStyle()));
        }
        return out;
    }

    @Test
    void combinesOverlappingLayersAndCoversTheWholeText() {
        List<StyleRange> syntax = List.of(new StyleRange(0, 4, "yaml-key"), new StyleRange(6, 10, "yaml-string"));
        List<StyleRange> marks = List.of(new StyleRange(2, 8, "diff-word-added"));

        StyleSpans<Collection<String>> spans = StyleLayers.merge(12, syntax, marks);

        assertThat(spans.length()).isEqualTo(12);
        assertThat(flatten(spans)).containsExactly("2:yaml-key", "2:yaml-key+diff-word-added", "2:diff-word-added",
                "2:yaml-string+diff-word-added", "2:yaml-string", "2:");
    }

    @Test
    void clampsRangesBeyondTheTextAndHandlesEmptyText() {
        assertThat(StyleLayers.merge(3, List.of(new StyleRange(1, 9, "x"))).length()).isEqualTo(3);
        assertThat(StyleLayers.merge(0, List.of(new StyleRange(0, 2, "x"))).length()).isZero();
    }
}
