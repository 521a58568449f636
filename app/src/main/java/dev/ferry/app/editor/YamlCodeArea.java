package dev.ferry.app.editor;

import java.util.Collection;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.StyledTextArea;

/**
 * The text area inside a {@link YamlEditor}: a RichTextFX code area whose paragraph style is a {@link LineStyle}.
 * RichTextFX's {@code CodeArea} fixes its paragraph style to a set of classes; Ferry also needs blank filler rows
 * above or below a line (padding of the line's text flow) so that both sides of a diff stay level while the
 * document holds only real text and stays editable.
 */
public final class YamlCodeArea extends StyledTextArea<LineStyle, Collection<String>> {

    YamlCodeArea(ReadOnlyDoubleProperty lineHeight) {
        super(LineStyle.PLAIN, (flow, style) -> applyLineStyle(flow, style, lineHeight), List.of(),
                (text, classes) -> text.getStyleClass().addAll(classes), false);
        getStyleClass().addAll("code-area", "yaml-code-area");
        setUseInitialStyleForInsertion(true);
    }

    // RichTextFX sizes a line's text flow to the viewport width, so a line background spans the whole line
    private static void applyLineStyle(TextFlow flow, LineStyle style, ReadOnlyDoubleProperty lineHeight) {
        flow.getStyleClass().addAll(style.styleClasses());
        if (style.hasFiller()) {
            flow.getStyleClass().add("line-with-filler");
            flow.paddingProperty().bind(Bindings.createObjectBinding(() -> new Insets(
                    style.fillerAbove() * lineHeight.get(), 0, style.fillerBelow() * lineHeight.get(), 0), lineHeight));
            flow.styleProperty().bind(Bindings.createStringBinding(() -> {
                String insets = px(style.fillerAbove() * lineHeight.get()) + " 0 "
                        + px(style.fillerBelow() * lineHeight.get()) + " 0";
                return "-fx-background-insets: 0, " + insets + ", " + insets + ";";
            }, lineHeight));
        }
    }

    private static String px(double value) {
        return String.format(java.util.Locale.ROOT, "%.2fpx", value);
    }
}
