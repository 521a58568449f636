package dev.ferry.app.editor;

import javafx.geometry.Insets;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * One line number of the editor's gutter, right-aligned at the top of its line (below any filler rows, which its
 * top padding covers). A region with one text rather than a {@code Label}: every visible line of both sides of a
 * diff builds one each time an object is selected, and a label is a control with a skin, costly to style and lay
 * out by the hundred.
 */
final class LineNumber extends Region {

    private final Text text = new Text();

    LineNumber(int number) {
        text.setText(Integer.toString(number));
        text.getStyleClass().add("lineno-text");
        getChildren().add(text);
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = text.getLayoutBounds().getWidth();
        text.relocate(Math.max(insets.getLeft(), getWidth() - insets.getRight() - width), insets.getTop());
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets insets = getInsets();
        return insets.getLeft() + text.getLayoutBounds().getWidth() + insets.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        return insets.getTop() + text.getLayoutBounds().getHeight() + insets.getBottom();
    }

    /** The number as shown, for tests. */
    String shown() {
        return text.getText();
    }
}
