package dev.ferry.app.diff;

import static dev.ferry.app.diff.FxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.editor.CodeDocument;
import dev.ferry.app.editor.CodeView;
import dev.ferry.app.editor.StyleRange;
import dev.ferry.app.editor.YamlEditor;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DiffViewTest {

    private DiffView view;
    private final List<String> saved = new ArrayList<>();

    @Start
    void start(Stage stage) {
        FxTesting.lightTheme();
        view = new DiffView();
        view.setOnEdit(saved::add);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    private void showIngress(FxRobot robot) {
        robot.interact(() -> view.show("Source (AKS)", "Proposed (EKS)", Fixtures.agicIngress(),
                Fixtures.albIngress()));
        await(() -> view.viewModel().diffProperty().get() != null);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void marksChangedLinesOfTheAgicToAlbIngress(FxRobot robot) {
        showIngress(robot);

        assertThat(view.sourceEditor().getLineStyle(6).styleClasses()).contains(LineDiffer.CHANGED);
        assertThat(view.proposedEditor().getLineStyle(12).styleClasses()).contains(LineDiffer.CHANGED);
        assertThat(view.sourceEditor().getLineStyle(25).styleClasses()).contains(LineDiffer.REMOVED);
        assertThat(view.proposedEditor().view().document().marks()).extracting(StyleRange::styleClass)
                .contains(LineDiffer.WORD_ADDED);
        assertThat(view.sourceEditor().view().document().marks()).extracting(StyleRange::styleClass)
                .contains(LineDiffer.WORD_REMOVED);
        assertThat(text(robot, "#changeIndicator")).isEqualTo("3 changes");
        assertThat(robot.lookup(".diff-header").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Source (AKS)", "Proposed (EKS)");
    }

    @Test
    void bothSidesAreEquallyTallSoCorrespondingLinesStayLevel(FxRobot robot) {
        showIngress(robot);

        CodeDocument source = view.sourceEditor().view().document();
        CodeDocument proposed = view.proposedEditor().view().document();
        assertThat(source.rowCount()).isEqualTo(proposed.rowCount());
        // line 11 of the source ("labels:") sits level with line 14 of the proposed side
        assertThat(source.line(10)).isEqualTo("  labels:");
        assertThat(proposed.line(13)).isEqualTo("  labels:");
        assertThat(textRow(source, 10)).isEqualTo(textRow(proposed, 13));

        // and so it does in the editor the user switches to
        robot.interact(() -> {
            view.sourceEditor().startEditing();
            view.proposedEditor().startEditing();
        });
        await(() -> Math.abs(view.sourceEditor().area().getTotalHeightEstimate()
                - view.proposedEditor().area().getTotalHeightEstimate()) < 1.0);
        assertThat(Math.abs(paragraphTop(view.sourceEditor(), 10) - paragraphTop(view.proposedEditor(), 13)))
                .isLessThan(1.0);
    }

    /** The screen row of a line's text, below its filler rows. */
    private static int textRow(CodeDocument document, int line) {
        return document.rowStart(line) + document.lineStyle(line).fillerAbove();
    }

    private static double paragraphTop(YamlEditor editor, int paragraph) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            int visible = editor.area().allParToVisibleParIndex(paragraph).orElseThrow();
            javafx.geometry.Bounds box = editor.area().getVisibleParagraphBoundsOnScreen(visible);
            double filler = editor.getLineStyle(paragraph).fillerAbove() * editor.lineHeightProperty().get();
            return box.getMinY() + filler;
        }));
    }

    @Test
    void nextAndPreviousMoveTheCaretAndTheIndicator(FxRobot robot) {
        showIngress(robot);

        robot.clickOn("#nextChange");
        assertThat(text(robot, "#changeIndicator")).isEqualTo("change 1 of 3");
        assertThat(view.proposedEditor().caretLine()).isEqualTo(6);

        robot.type(KeyCode.F7);
        assertThat(text(robot, "#changeIndicator")).isEqualTo("change 2 of 3");
        assertThat(view.proposedEditor().caretLine()).isEqualTo(16);

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        assertThat(text(robot, "#changeIndicator")).isEqualTo("change 3 of 3");
        assertThat(view.sourceEditor().caretLine()).isEqualTo(25);

        robot.press(KeyCode.SHIFT).type(KeyCode.F7).release(KeyCode.SHIFT);
        assertThat(text(robot, "#changeIndicator")).isEqualTo("change 2 of 3");
        robot.clickOn("#previousChange");
        assertThat(text(robot, "#changeIndicator")).isEqualTo("change 1 of 3");
        assertThat(view.proposedEditor().getLineStyle(6).styleClasses()).contains("diff-current");
    }

    @Test
    void scrollingOneSideScrollsTheOther(FxRobot robot) {
        robot.interact(() -> view.show("Source (AKS)", "Proposed (EKS)", Fixtures.bigDeployment(120, false),
                Fixtures.bigDeployment(120, true)));
        await(() -> view.viewModel().diffProperty().get() != null);

        int sourceLine = lineOf(view.sourceEditor(), "        - name: c80");
        robot.interact(() -> scrollToLine(view.sourceEditor(), sourceLine));
        await(() -> topText(view.proposedEditor()).contains("- name: c80")
                || topText(view.proposedEditor()).contains("# container 79"));

        int proposedLine = lineOf(view.proposedEditor(), "        - name: c30");
        robot.interact(() -> scrollToLine(view.proposedEditor(), proposedLine));
        await(() -> topText(view.sourceEditor()).contains("- name: c30")
                || topText(view.sourceEditor()).contains("# container 29"));
    }

    @Test
    void scrollingTheSideBeingEditedScrollsTheOther(FxRobot robot) {
        robot.interact(() -> {
            view.setEditable(true);
            view.show("Source (AKS)", "Proposed (EKS)", Fixtures.bigDeployment(120, false),
                    Fixtures.bigDeployment(120, true));
        });
        await(() -> view.viewModel().diffProperty().get() != null);
        robot.interact(() -> view.proposedEditor().startEditing());

        int proposedLine = lineOf(view.proposedEditor(), "        - name: c60");
        robot.interact(() -> view.proposedEditor().area().showParagraphAtTop(proposedLine));
        await(() -> topText(view.sourceEditor()).contains("- name: c60")
                || topText(view.sourceEditor()).contains("# container 59"));
    }

    private static int lineOf(YamlEditor editor, String text) {
        return LineDiffer.lines(editor.getText()).indexOf(text);
    }

    private static void scrollToLine(YamlEditor editor, int line) {
        CodeView shown = editor.view();
        shown.scrollYProperty().set(shown.document().rowStart(line) * shown.lineHeight());
    }

    /** The line at the top of what the editor shows, the view or the area. */
    private static String topText(YamlEditor editor) {
        if (editor.editingProperty().get()) {
            return editor.area().getParagraph(editor.area().firstVisibleParToAllParIndex()).getText();
        }
        return editor.view().document().line(editor.view().topLine());
    }

    @Test
    void anInvalidEditShowsTheErrorWithItsLineAndDisablesSave(FxRobot robot) {
        showIngress(robot);
        robot.interact(() -> view.setEditable(true));

        robot.clickOn("#proposedEditor");
        robot.interact(() -> view.proposedEditor().area().moveTo(0, view.proposedEditor().area()
                .getParagraph(0).length()));
        robot.write("\nlabels: [oops");

        await(() -> !text(robot, "#editError").isEmpty());
        assertThat(text(robot, "#editError")).startsWith("Line 3").contains("malformed YAML").contains("Revert");
        assertThat(robot.lookup("#saveEdit").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#editError").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn("#revertEdit");
        assertThat(view.proposedEditor().getText()).isEqualTo(Fixtures.albIngress());
        assertThat(robot.lookup("#editError").queryAs(Label.class).isVisible()).isFalse();
        assertThat(saved).isEmpty();
    }

    @Test
    void aValidEditIsOfferedToTheOwnerOnlyOnSave(FxRobot robot) {
        showIngress(robot);
        robot.interact(() -> view.setEditable(true));
        String edited = Fixtures.albIngress().replace("target-type: ip", "target-type: instance");

        robot.interact(() -> {
            view.proposedEditor().startEditing();
            view.proposedEditor().area().replaceText(edited);
        });
        await(() -> !robot.lookup("#saveEdit").queryButton().isDisabled());
        assertThat(saved).isEmpty();

        robot.clickOn("#proposedEditor");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        assertThat(saved).containsExactly(edited);
        assertThat(robot.lookup("#saveEdit").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void theProposedSideIsReadOnlyUnlessEditingIsAllowed(FxRobot robot) {
        showIngress(robot);

        robot.clickOn("#proposedEditor").write("x");

        assertThat(view.proposedEditor().getText()).isEqualTo(Fixtures.albIngress());
        assertThat(robot.lookup("#saveEdit").queryButton().isVisible()).isFalse();
    }

    @Test
    void aSecretShowsKeysAndDigestsButNoValues(FxRobot robot) {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\n"
                + "data:\n  password: aHVudGVyMg==\n";
        robot.interact(() -> view.show("Source (AKS)", "Proposed (EKS)", secret, secret));
        await(() -> view.viewModel().diffProperty().get() != null);

        assertThat(view.sourceEditor().getText()).doesNotContain("aHVudGVyMg==");
        assertThat(view.proposedEditor().getText()).doesNotContain("aHVudGVyMg==");
        assertThat(robot.lookup("#secretNote").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#secretNote")).contains("password  sha256:f52fbd32b2b3");
    }

    @Test
    void aTwoThousandLineDiffOpensAndIsHighlighted(FxRobot robot) {
        String source = Fixtures.bigDeployment(250, false);
        String proposed = Fixtures.bigDeployment(250, true);
        assertThat(source.lines().count()).isGreaterThan(YamlEditor.SYNC_LIMIT / 40);

        robot.interact(() -> view.show("Source (AKS)", "Proposed (EKS)", source, proposed));
        await(() -> view.viewModel().diffProperty().get() != null
                && view.sourceEditor().highlightedProperty().get()
                && view.proposedEditor().highlightedProperty().get()
                && !view.sourceEditor().view().document().tokens().isEmpty());

        assertThat(view.sourceEditor().getText().length()).isGreaterThan(YamlEditor.SYNC_LIMIT);
        assertThat(view.viewModel().changeCountProperty().get()).isGreaterThan(30);
    }
}
