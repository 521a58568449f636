package dev.ferry.app.editor;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

/**
 * Scroll bars for a {@link YamlCodeArea}, brought up to date once after the area's layout rather than on every change
 * of its size estimates. Flowless's {@code VirtualizedScrollPane} listens to those estimates for changes, which makes
 * the flow recompute its average line height (a walk over every line it has measured) each time it measures one more
 * line: while a newly selected object's lines are built that came to a fifth of the FX thread's work. Wheel and
 * keyboard scrolling are the area's own; the bars follow it and drive it.
 */
final class EditorScrollPane extends Region {

    private final YamlCodeArea area;
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final Region corner = new Region();
    private boolean syncScheduled;
    private boolean syncing;
    private double contentHeight;
    private double contentWidth;

    EditorScrollPane(YamlCodeArea area) {
        this.area = area;
        getStyleClass().add("editor-scroll-pane");
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        corner.getStyleClass().add("corner");
        vertical.setVisible(false);
        horizontal.setVisible(false);
        corner.setVisible(false);
        getChildren().addAll(area, vertical, horizontal, corner);

        InvalidationListener estimatesChanged = obs -> scheduleSync();
        area.totalHeightEstimateProperty().addListener(estimatesChanged);
        area.totalWidthEstimateProperty().addListener(estimatesChanged);
        area.estimatedScrollYProperty().addListener(estimatesChanged);
        area.estimatedScrollXProperty().addListener(estimatesChanged);
        area.widthProperty().addListener(estimatesChanged);
        area.heightProperty().addListener(estimatesChanged);
        vertical.valueProperty().addListener(obs -> {
            if (!syncing) {
                area.estimatedScrollYProperty().setValue(vertical.getValue());
            }
        });
        horizontal.valueProperty().addListener(obs -> {
            if (!syncing) {
                area.estimatedScrollXProperty().setValue(horizontal.getValue());
            }
        });
        scheduleSync();
    }

    /** Once per burst of changes, after the layout pass that caused them. */
    private void scheduleSync() {
        if (!syncScheduled) {
            syncScheduled = true;
            Platform.runLater(this::sync);
        }
    }

    /** Reads the estimates (which also re-arms the invalidation listeners) and sets the bars from them. */
    private void sync() {
        syncScheduled = false;
        double viewportHeight = area.getHeight();
        double viewportWidth = area.getWidth();
        double height = area.totalHeightEstimateProperty().getOrElse(0.0);
        double width = area.totalWidthEstimateProperty().getOrElse(0.0);
        double scrollY = area.estimatedScrollYProperty().getOrElse(0.0);
        double scrollX = area.estimatedScrollXProperty().getOrElse(0.0);
        syncing = true;
        try {
            set(vertical, height, viewportHeight, scrollY);
            set(horizontal, width, viewportWidth, scrollX);
        } finally {
            syncing = false;
        }
        if (height != contentHeight || width != contentWidth) {
            contentHeight = height;
            contentWidth = width;
            requestLayout(); // a bar may appear or go
        }
    }

    private static void set(ScrollBar bar, double content, double viewport, double offset) {
        double range = Math.max(0, content - viewport);
        bar.setMin(0);
        bar.setMax(range);
        bar.setVisibleAmount(content <= 0 ? 0 : range * viewport / content);
        bar.setBlockIncrement(Math.max(viewport - 16, 16));
        bar.setUnitIncrement(16);
        bar.setValue(Math.min(Math.max(offset, 0), range));
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        boolean showVertical = contentHeight > height + 0.5;
        double verticalWidth = showVertical ? vertical.prefWidth(-1) : 0;
        boolean showHorizontal = contentWidth > width - verticalWidth + 0.5;
        double horizontalHeight = showHorizontal ? horizontal.prefHeight(-1) : 0;
        if (!showVertical && showHorizontal && contentHeight > height - horizontalHeight + 0.5) {
            showVertical = true;
            verticalWidth = vertical.prefWidth(-1);
        }
        vertical.setVisible(showVertical);
        horizontal.setVisible(showHorizontal);
        corner.setVisible(showVertical && showHorizontal);
        double areaWidth = Math.max(0, width - verticalWidth);
        double areaHeight = Math.max(0, height - horizontalHeight);
        area.resizeRelocate(0, 0, areaWidth, areaHeight);
        vertical.resizeRelocate(areaWidth, 0, verticalWidth, areaHeight);
        horizontal.resizeRelocate(0, areaHeight, areaWidth, horizontalHeight);
        corner.resizeRelocate(areaWidth, areaHeight, verticalWidth, horizontalHeight);
    }

    @Override
    protected double computePrefWidth(double height) {
        return area.prefWidth(height) + vertical.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return area.prefHeight(width) + horizontal.prefHeight(-1);
    }
}
