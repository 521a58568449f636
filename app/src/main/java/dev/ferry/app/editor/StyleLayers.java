package dev.ferry.app.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Merges layers of style ranges (syntax tokens, changed-word marks) into the style spans a RichTextFX area takes.
 * Ranges inside one layer must not overlap; ranges of different layers may, and their classes combine. Pure, so it
 * runs off the FX thread together with tokenizing.
 */
public final class StyleLayers {

    private StyleLayers() {
    }

    /** Spans covering exactly {@code length} characters. */
    @SafeVarargs
    public static StyleSpans<Collection<String>> merge(int length, List<StyleRange>... layers) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(length);
        List<List<StyleRange>> sorted = new ArrayList<>();
        for (List<StyleRange> layer : layers) {
            List<StyleRange> inRange = new ArrayList<>();
            for (StyleRange range : layer) {
                int start = Math.min(range.start(), length);
                int end = Math.min(range.end(), length);
                if (end > start) {
                    inRange.add(new StyleRange(start, end, range.styleClass()));
                    cuts.add(start);
                    cuts.add(end);
                }
            }
            inRange.sort(Comparator.comparingInt(StyleRange::start));
            sorted.add(inRange);
        }
        int[] next = new int[sorted.size()];
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            List<String> classes = new ArrayList<>(2);
            for (int layer = 0; layer < sorted.size(); layer++) {
                List<StyleRange> ranges = sorted.get(layer);
                while (next[layer] < ranges.size() && ranges.get(next[layer]).end() <= from) {
                    next[layer]++;
                }
                if (next[layer] < ranges.size() && ranges.get(next[layer]).start() <= from) {
                    classes.add(ranges.get(next[layer]).styleClass());
                }
            }
            spans.add(List.copyOf(classes), to - from);
            from = to;
        }
        if (length == 0) {
            spans.add(List.of(), 0);
        }
        return spans.create();
    }
}
