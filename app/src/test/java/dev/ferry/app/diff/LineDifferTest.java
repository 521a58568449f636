package dev.ferry.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.editor.LineStyle;
import dev.ferry.app.editor.StyleRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDifferTest {

    @Test
    void findsTheHunksOfTheAgicToAlbIngress() {
        DiffResult diff = LineDiffer.diff(Fixtures.agicIngress(), Fixtures.albIngress());

        assertThat(diff.hunks()).extracting(Hunk::kind)
                .containsExactly(Hunk.Kind.CHANGED, Hunk.Kind.CHANGED, Hunk.Kind.REMOVED);
        Hunk annotations = diff.hunks().get(0);
        assertThat(annotations.sourceStart()).isEqualTo(6);
        assertThat(annotations.sourceLines()).isEqualTo(4);
        assertThat(annotations.proposedLines()).isEqualTo(7);
    }

    @Test
    void keepsBothSidesLevelWithFillerRows() {
        DiffResult diff = LineDiffer.diff(Fixtures.agicIngress(), Fixtures.albIngress());

        assertThat(diff.sourceRows()).isEqualTo(diff.proposedRows());
        // three annotation lines more on the proposed side: the source gets 3 rows above the line after its hunk
        assertThat(diff.sourceLines().get(10).fillerAbove()).isEqualTo(3);
        // the removed tls block (4 lines) leaves 4 filler rows at the end of the proposed side
        List<LineStyle> proposed = diff.proposedLines();
        assertThat(proposed.get(proposed.size() - 1).fillerAbove() + proposed.get(proposed.size() - 1).fillerBelow())
                .isEqualTo(4);
    }

    @Test
    void aligningRowsMakesEveryUnchangedLinePairStartOnTheSameRow() {
        String source = "a\nb\nc\nd\ne\n";
        String proposed = "x\na\nc\nd2\nd3\ne\nf\n";
        DiffResult diff = LineDiffer.diff(source, proposed);

        assertThat(rowOf(diff.sourceLines(), 0)).isEqualTo(rowOf(diff.proposedLines(), 1)); // a
        assertThat(rowOf(diff.sourceLines(), 2)).isEqualTo(rowOf(diff.proposedLines(), 2)); // c
        assertThat(rowOf(diff.sourceLines(), 4)).isEqualTo(rowOf(diff.proposedLines(), 5)); // e
        assertThat(diff.sourceRows()).isEqualTo(diff.proposedRows());
    }

    @Test
    void marksLineBackgroundsByKindOfChange() {
        DiffResult diff = LineDiffer.diff("keep\nold\ngone\n", "keep\nnew\n");

        assertThat(diff.sourceLines().get(0).styleClasses()).isEmpty();
        assertThat(diff.sourceLines().get(1).styleClasses()).containsExactly(LineDiffer.CHANGED);
        assertThat(diff.proposedLines().get(1).styleClasses()).containsExactly(LineDiffer.CHANGED);
        assertThat(diff.sourceLines().get(2).styleClasses()).containsExactly(LineDiffer.CHANGED);
        assertThat(LineDiffer.diff("a\n", "a\nb\n").proposedLines().get(1).styleClasses())
                .containsExactly(LineDiffer.ADDED);
        assertThat(LineDiffer.diff("a\nb\n", "a\n").sourceLines().get(1).styleClasses())
                .containsExactly(LineDiffer.REMOVED);
    }

    @Test
    void marksOnlyTheChangedWordsInsideAChangedLine() {
        String source = "  ingressClassName: azure-application-gateway\n";
        String proposed = "  ingressClassName: alb\n";
        DiffResult diff = LineDiffer.diff(source, proposed);

        assertThat(diff.sourceWords()).extracting(r -> source.substring(r.start(), r.end()))
                .containsExactly("azure-application-gateway");
        assertThat(diff.proposedWords()).extracting(r -> proposed.substring(r.start(), r.end()))
                .containsExactly("alb");
        assertThat(diff.proposedWords()).extracting(StyleRange::styleClass).containsOnly(LineDiffer.WORD_ADDED);
    }

    @Test
    void leavesWordsUnmarkedWhenPairedLinesAreUnrelated() {
        DiffResult diff = LineDiffer.diff("  labels:\n", "  scheme: internet-facing\n");

        assertThat(diff.hunks()).hasSize(1);
        assertThat(diff.sourceWords()).isEmpty();
        assertThat(diff.proposedWords()).isEmpty();
    }

    @Test
    void identicalTextsHaveNoChangesAndNoFiller() {
        DiffResult diff = LineDiffer.diff(Fixtures.albIngress(), Fixtures.albIngress());

        assertThat(diff.changeCount()).isZero();
        assertThat(diff.sourceLines()).allMatch(LineStyle.PLAIN::equals);
    }

    @Test
    void diffsAgainstAnEmptySideForGeneratedOrDroppedObjects() {
        DiffResult generated = LineDiffer.diff("", "kind: IngressClass\nmetadata:\n  name: alb\n");

        assertThat(generated.hunks()).hasSize(1);
        assertThat(generated.sourceRows()).isEqualTo(generated.proposedRows());
    }

    private static int rowOf(List<LineStyle> lines, int line) {
        int row = 0;
        for (int i = 0; i < line; i++) {
            row += lines.get(i).rows();
        }
        return row + lines.get(line).fillerAbove();
    }
}
