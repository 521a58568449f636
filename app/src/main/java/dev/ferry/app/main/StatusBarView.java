package dev.ferry.app.main;

import dev.ferry.app.task.TaskRunner;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The status bar: the running task with its progress and a cancel button; the reviewer's name on the right. */
public final class StatusBarView extends HBox {

    private final TaskRunner runner;
    private final MainViewModel model;
    private final Label message = new Label();
    private final Label waited = new Label();
    private final ProgressBar progress = new ProgressBar();
    /**
     * While the running task cannot tell how far it is, the bar is hidden and the seconds it has run are shown
     * instead: an indeterminate bar animates every frame, which in software rendering took a third of a core from
     * the task for as long as it ran (decision 0011).
     */
    private final Timeline waitedClock = new Timeline(new KeyFrame(Duration.seconds(1), e -> showWaited()));
    private BooleanBinding indeterminate;
    private long waitingSince;
    private final Button cancel = new Button("Cancel");
    private final Button reviewer = new Button();

    public StatusBarView(TaskRunner runner, MainViewModel model) {
        this.runner = runner;
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        message.setId("statusMessage");
        waited.setId("statusWaited");
        waited.getStyleClass().add("status-waited");
        waitedClock.setCycleCount(Animation.INDEFINITE);
        progress.setId("statusProgress");
        cancel.setId("cancelTask");
        reviewer.setId("reviewerButton");
        progress.setPrefWidth(160);
        cancel.getStyleClass().addAll("small", "flat");
        reviewer.getStyleClass().addAll("small", "flat");
        cancel.setTooltip(new Tooltip("Cancel the running task (Esc)"));
        reviewer.setTooltip(new Tooltip("The name recorded on your approvals; click to change it"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, waited, progress, cancel, spacer, reviewer);
    }

    private void bindViewModel() {
        message.textProperty().bind(javafx.beans.binding.Bindings.when(runner.busyProperty())
                .then(runner.messageProperty()).otherwise(model.statusProperty()));
        progress.progressProperty().bind(runner.progressProperty());
        indeterminate = runner.busyProperty().and(runner.progressProperty().lessThan(0));
        progress.visibleProperty().bind(runner.busyProperty().and(indeterminate.not()));
        progress.managedProperty().bind(progress.visibleProperty());
        waited.visibleProperty().bind(indeterminate);
        waited.managedProperty().bind(indeterminate);
        indeterminate.addListener((obs, was, now) -> {
            waited.setText("");
            if (now) {
                waitingSince = System.nanoTime();
                waitedClock.playFromStart();
            } else {
                waitedClock.stop();
            }
        });
        cancel.visibleProperty().bind(runner.busyProperty());
        cancel.setOnAction(e -> runner.cancelAll());
        reviewer.textProperty().bind(javafx.beans.binding.Bindings.concat("Reviewer: ", model.reviewerProperty()));
        reviewer.setOnAction(e -> ReviewerNameDialog.ask(getScene().getWindow(), model));
    }

    private void showWaited() {
        waited.setText((System.nanoTime() - waitingSince) / 1_000_000_000L + " s");
    }
}
