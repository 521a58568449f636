package dev.ferry.app.editor;

import static dev.ferry.app.diff.FxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.diff.FxTesting;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas view of {@link YamlEditor}: what it draws, in the theme's colors, and how the user gets to edit. */
@ExtendWith(ApplicationExtension.class)
class CodeViewTest {

    private YamlEditor editor;

    @Start
    void start(Stage stage) {
        FxTesting.lightTheme();
        editor = new YamlEditor(Runnable::run);
        stage.setScene(new Scene(editor, 600, 300));
        stage.show();
    }

    private CodeView view() {
        return editor.view();
    }

    private PixelReader snapshot(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view().snapshot(null, null));
        return image[0].getPixelReader();
    }

    private static boolean near(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 0.04
                && Math.abs(actual.getGreen() - expected.getGreen()) < 0.04
                && Math.abs(actual.getBlue() - expected.getBlue()) < 0.04;
    }

    @Test
    void drawsFillerRowsLineBackgroundsAndSyntaxInTheThemesColors(FxRobot robot) {
        robot.interact(() -> editor.setDocument("apiVersion: v1\nkind: Service\n", List.of(),
                List.of(LineStyle.PLAIN, new LineStyle(List.of(CodeDocument.LINE_ADDED), 1, 0))));
        PixelReader pixels = snapshot(robot);
        double row = view().lineHeight();
        int farRight = (int) (view().textLeft() + 40 * view().charWidth());

        assertThat(pixels.getColor(farRight, (int) (0.5 * row))).satisfies(
                c -> assertThat(near(c, (Color) view().color("background"))).isTrue());
        // "kind: Service" is line 2, below one filler row
        assertThat(pixels.getColor(farRight, (int) (1.5 * row))).satisfies(
                c -> assertThat(near(c, (Color) view().color("filler"))).isTrue());
        assertThat(pixels.getColor(farRight, (int) (2.5 * row))).satisfies(
                c -> assertThat(near(c, (Color) view().color("added"))).isTrue());
        assertThat(near((Color) view().color("key"), (Color) view().color("background"))).isFalse();
        assertThat(anyPixelNear(pixels, view().textLeft(), view().textLeft() + 10 * view().charWidth(), 0, row,
                (Color) view().color("key"))).as("the key apiVersion is drawn in the key color").isTrue();
        assertThat(anyPixelNear(pixels, 0, view().textLeft() - 4, 2 * row, 3 * row,
                (Color) view().color("numberAdded"))).as("the added line's number in the added color").isTrue();
    }

    private static boolean anyPixelNear(PixelReader pixels, double x0, double x1, double y0, double y1,
                                        Color wanted) {
        for (int y = (int) y0; y < (int) y1; y++) {
            for (int x = (int) x0; x < (int) x1; x++) {
                if (near(pixels.getColor(x, y), wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void followsTheDarkTheme(FxRobot robot) {
        robot.interact(() -> editor.setText("a: 1\n"));
        Color light = (Color) view().color("background");

        robot.interact(FxTesting::darkTheme);
        WaitForAsyncUtils.waitForFxEvents();

        Color dark = (Color) view().color("background");
        assertThat(dark.getBrightness()).isLessThan(light.getBrightness());
        assertThat(snapshot(robot).getColor(500, 5)).satisfies(c -> assertThat(near(c, dark)).isTrue());
        robot.interact(FxTesting::lightTheme);
    }

    @Test
    void aDragSelectsTextThatCanBeCopied(FxRobot robot) {
        robot.interact(() -> editor.setText("name: storefront\nport: 80\n"));
        WaitForAsyncUtils.waitForFxEvents();
        double row = view().lineHeight();
        Point2D from = view().localToScreen(view().textLeft() + 6 * view().charWidth(), 0.5 * row);
        Point2D to = view().localToScreen(view().textLeft() + 16 * view().charWidth(), 0.5 * row);

        robot.drag(from, MouseButton.PRIMARY).dropTo(to);

        assertThat(view().selectedText()).isEqualTo("storefront");
        robot.interact(() -> view().selectAll());
        assertThat(view().selectedText()).isEqualTo("name: storefront\nport: 80\n");
        assertThat(editor.editingProperty().get()).isFalse();
    }

    @Test
    void aClickOnAnEditableViewStartsTheEditorAtThatCharacter(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("name: storefront\nport: 80\n");
            editor.setEditable(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double row = view().lineHeight();

        robot.clickOn(view().localToScreen(view().textLeft() + 6 * view().charWidth(), 1.5 * row));

        assertThat(editor.editingProperty().get()).isTrue();
        assertThat(editor.area().getCaretPosition()).isEqualTo("name: storefront\nport: ".length());
        robot.write("8");
        await(() -> editor.getText().equals("name: storefront\nport: 880\n"));
    }

    @Test
    void typingIntoAnEditableViewGoesToTheEditor(FxRobot robot) {
        robot.interact(() -> {
            editor.setText("a: 1\n");
            editor.setEditable(true);
            view().requestFocus();
        });

        robot.write("b");

        await(() -> editor.editingProperty().get() && editor.getText().equals("ba: 1\n"));
    }

    @Test
    void aReadOnlyViewIgnoresTyping(FxRobot robot) {
        robot.interact(() -> editor.setText("a: 1\n"));
        robot.clickOn(view()).write("x");

        assertThat(editor.editingProperty().get()).isFalse();
        assertThat(editor.getText()).isEqualTo("a: 1\n");
    }
}
