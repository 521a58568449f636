package dev.ferry.app.editor;

import static dev.ferry.app.diff.FxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.diff.Fixtures;
import dev.ferry.app.diff.FxTesting;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class YamlEditorTest {

    /** Holds background work until the test releases it, to see the editor before and after. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor held = queued::add;
    private YamlEditor editor;

    @Start
    void start(Stage stage) {
        FxTesting.lightTheme();
        editor = new YamlEditor(held);
        stage.setScene(new Scene(editor, 800, 500));
        stage.show();
    }

    @Test
    void highlightsKeysAndValuesInTheViewAndTheEditor(FxRobot robot) {
        robot.interact(() -> editor.setText(Fixtures.albIngress()));

        assertThat(editor.highlightedProperty().get()).isTrue();
        assertThat(editor.view().runsOf(0)).containsExactly("yaml-key:apiVersion", ":",
                "yaml-string: networking.k8s.io/v1");

        robot.interact(() -> editor.startEditing());
        assertThat(editor.editingProperty().get()).isTrue();
        await(() -> !robot.lookup(".yaml-number").queryAll().isEmpty());
        assertThat(robot.lookup(".yaml-key").queryAllAs(Text.class)).extracting(text -> text.getText().strip())
                .contains("apiVersion", "metadata", "ingressClassName");
        assertThat(robot.lookup(".yaml-number").queryAllAs(Text.class)).extracting(text -> text.getText().strip())
                .contains("80");
    }

    @Test
    void highlightsABigDocumentOffTheFxThreadAndAppliesTheResultOnIt(FxRobot robot) {
        String big = Fixtures.bigDeployment(250, false);
        assertThat(big.length()).isGreaterThan(YamlEditor.SYNC_LIMIT);

        robot.interact(() -> editor.setText(big));
        assertThat(editor.highlightedProperty().get()).isFalse();
        assertThat(queued).hasSize(1);

        robot.interact(() -> queued.remove(0).run());
        await(() -> editor.highlightedProperty().get() && !editor.view().document().tokens().isEmpty());
    }

    @Test
    void dropsAStaleHighlightingResult(FxRobot robot) {
        String big = Fixtures.bigDeployment(250, false);
        robot.interact(() -> editor.setText(big));
        robot.interact(() -> editor.setText(big.replace("c1", "d1")));

        robot.interact(() -> queued.remove(0).run());
        robot.interact(() -> { });
        assertThat(editor.highlightedProperty().get()).isFalse();
        robot.interact(() -> queued.remove(0).run());
        await(() -> editor.highlightedProperty().get());
    }

    @Test
    void isReadOnlyUnlessMadeEditable(FxRobot robot) {
        robot.interact(() -> editor.setText("a: 1\n"));
        robot.clickOn(editor).write("x");
        assertThat(editor.getText()).isEqualTo("a: 1\n");

        robot.interact(() -> {
            editor.setEditable(true);
            editor.area().moveTo(0);
        });
        robot.clickOn(editor).write("b: 2\n");
        assertThat(editor.getText()).contains("b: 2");
    }

    @Test
    void aLargerFontSizeMakesTallerRows(FxRobot robot) {
        robot.interact(() -> editor.setText(Fixtures.albIngress()));
        await(() -> editor.lineHeightProperty().get() > 0);
        double normal = editor.lineHeightProperty().get();

        robot.interact(() -> editor.fontSizeProperty().set(20));

        await(() -> editor.lineHeightProperty().get() > normal * 1.3);
        assertThat(editor.area().getStyle()).contains("-fx-font-size: 20.0px");
    }

    @Test
    void fillerRowsAddWholeRowsAboveALine(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("a: 1\nb: 2\nc: 3\n");
            editor.setLineStyles(List.of(LineStyle.PLAIN, new LineStyle(List.of("diff-added"), 2, 0)));
        });
        assertThat(editor.view().document().rowStart(2)).isEqualTo(4);

        robot.interact(() -> editor.startEditing());
        await(() -> editor.area().getVisibleParagraphs().size() == 4);

        double row = editor.lineHeightProperty().get();
        double top0 = paragraphTop(0);
        double top2 = paragraphTop(2);
        assertThat(top2 - top0).isCloseTo(4 * row, org.assertj.core.data.Offset.offset(1.0));
        assertThat(editor.getLineStyle(1).styleClasses()).containsExactly("diff-added");
    }

    private double paragraphTop(int paragraph) {
        return org.testfx.util.WaitForAsyncUtils.waitFor(org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> editor.area().getVisibleParagraphBoundsOnScreen(paragraph).getMinY()));
    }

    @Test
    void aLongDocumentHasAVerticalScrollBarThatFollowsTheTextAndScrollsIt(FxRobot robot) {
        ScrollBar bar = robot.lookup(".code-view > .scroll-bar:vertical").queryAs(ScrollBar.class);
        robot.interact(() -> editor.setText("a: 1\n"));
        await(() -> !bar.isVisible());

        robot.interact(() -> editor.setText(Fixtures.bigDeployment(120, false)));
        await(() -> bar.isVisible() && bar.getMax() > 0);
        assertThat(bar.getValue()).isZero();

        robot.interact(() -> editor.moveCaretToLine(300));
        await(() -> bar.getValue() > 0);
        double fromTheText = bar.getValue();
        assertThat(editor.caretLine()).isEqualTo(300);

        robot.interact(() -> bar.setValue(0));
        await(() -> editor.view().scrollYProperty().get() == 0);
        robot.interact(() -> bar.setValue(bar.getMax()));
        await(() -> editor.view().scrollYProperty().get() == bar.getMax());
        assertThat(fromTheText).isLessThan(bar.getMax());
    }

    @Test
    void theEditorStartsWhereTheViewWasScrolledTo(FxRobot robot) {
        robot.interact(() -> {
            editor.setText(Fixtures.bigDeployment(120, false));
            editor.moveCaretToLine(300);
            editor.setEditable(true);
        });
        await(() -> editor.view().scrollYProperty().get() > 0);
        int topLine = editor.view().topLine();

        robot.interact(() -> editor.startEditing());

        await(() -> editor.area().firstVisibleParToAllParIndex() == topLine);
        assertThat(editor.getText()).isEqualTo(Fixtures.bigDeployment(120, false));
    }

    @Test
    void showingTheNextDocumentLeavesTheEditor(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("a: 1\n");
            editor.startEditing();
        });
        assertThat(editor.editingProperty().get()).isTrue();

        robot.interact(() -> editor.setText("b: 2\n"));

        assertThat(editor.editingProperty().get()).isFalse();
        assertThat(editor.getText()).isEqualTo("b: 2\n");
        assertThat(robot.lookup(".code-view").tryQuery()).isPresent();
        assertThat(robot.lookup(".editor-scroll-pane").tryQuery()).isEmpty();
    }
}
