package dev.ferry.app.diff;

import dev.ferry.app.editor.EditorExecutor;
import dev.ferry.app.editor.LineStyle;
import dev.ferry.app.editor.YamlEditor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * Source and proposed YAML side by side: changed lines and words marked, corresponding lines level, scrolling
 * synchronized both ways, next/previous change (F7 / Shift+F7, Alt+Down / Alt+Up) with a "change 2 of 5"
 * indicator. When editing is allowed the proposed side is editable: each edit is checked as the user types, the
 * problem and its line shown under the editors, and a valid edit is offered to the owner only on "Save edit"
 * (Ctrl+S); "Revert" restores. A Secret is shown without values, with a note listing its keys and digests.
 *
 * <p>Diffing and checking run on the background executor; results are applied on the FX thread.
 */
public final class DiffView extends BorderPane {

    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F7);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination NEXT_ALT = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    private static final KeyCombination PREVIOUS_ALT = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final DiffViewModel viewModel;
    private final Executor background;
    private final YamlEditor sourceEditor;
    private final YamlEditor proposedEditor;
    private final Label sourceHeader = new Label();
    private final Label proposedHeader = new Label();
    private final Label changeIndicator = new Label();
    private final Label editError = new Label();
    private final Label secretNote = new Label();
    private final Button previousChange = new Button("▲ Previous");
    private final Button nextChange = new Button("▼ Next");
    private final Button saveEdit = new Button("Save edit");
    private final Button revertEdit = new Button("Revert");
    private int[] sourceRowStarts = {0, 1};
    private int[] proposedRowStarts = {0, 1};
    private boolean settingText;
    private boolean syncingScroll;
    private boolean followScheduled;
    private boolean followSourceLeads;
    private long diffGeneration;

    public DiffView() {
        this(new DiffViewModel(), EditorExecutor.shared());
    }

    public DiffView(DiffViewModel viewModel, Executor background) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.background = Objects.requireNonNull(background, "background");
        this.sourceEditor = new YamlEditor(background);
        this.proposedEditor = new YamlEditor(background);
        createView();
        bindViewModel();
    }

    /**
     * Shows {@code source} against {@code proposed}, e.g. {@code show("Source (AKS)", "Proposed (EKS)", a, b)}.
     * Drops any unsaved edit.
     */
    public void show(String sourceTitle, String proposedTitle, String source, String proposed) {
        viewModel.load(sourceTitle, proposedTitle, source, proposed);
        String shownSource = viewModel.sourceTextProperty().get();
        String shownProposed = viewModel.proposedTextProperty().get();
        if (shownSource.length() <= YamlEditor.SYNC_LIMIT && shownProposed.length() <= YamlEditor.SYNC_LIMIT) {
            // small documents (nearly every object) are diffed at once, and each side gets its text, highlighting,
            // changed words and line styles together; both sides start at the top, so there is nothing to scroll
            // into line yet
            diffGeneration++;
            DiffResult result = LineDiffer.diff(shownSource, shownProposed);
            viewModel.diffReady(result);
            sourceRowStarts = rowStarts(result.sourceLines());
            proposedRowStarts = rowStarts(result.proposedLines());
            whileSettingText(() -> {
                sourceEditor.setDocument(shownSource, result.sourceWords(), withCurrent(result.sourceLines(), true));
                proposedEditor.setDocument(shownProposed, result.proposedWords(),
                        withCurrent(result.proposedLines(), false));
            });
            return;
        }
        whileSettingText(() -> {
            sourceEditor.setText(shownSource);
            proposedEditor.setText(shownProposed);
        });
        sourceRowStarts = new int[] {0, 1};
        proposedRowStarts = new int[] {0, 1};
        recompute(shownSource, shownProposed, false);
    }

    /** Changes a side's text without taking it for the user's edit. */
    private void whileSettingText(Runnable change) {
        settingText = true;
        try {
            change.run();
        } finally {
            settingText = false;
        }
    }

    /** Whether the proposed side may be edited (off by default). */
    public void setEditable(boolean editable) {
        viewModel.editAllowedProperty().set(editable);
    }

    /** Receives the edited YAML when the user saves a valid edit; never called otherwise. */
    public void setOnEdit(Consumer<String> onEdit) {
        viewModel.setOnEdit(onEdit);
    }

    public void nextChange() {
        viewModel.next();
        revealCurrentChange();
    }

    public void previousChange() {
        viewModel.previous();
        revealCurrentChange();
    }

    /** Offers a valid edit to the owner; see {@link #setOnEdit}. */
    public boolean saveEdit() {
        return viewModel.save();
    }

    public void revertEdit() {
        String text = viewModel.revert();
        whileSettingText(() -> proposedEditor.setText(text));
        recompute(viewModel.sourceTextProperty().get(), text, false);
    }

    /**
     * True while the proposed side holds an edit that was neither saved nor reverted; {@link #show} drops it, so
     * the owner asks the user first.
     */
    public ReadOnlyBooleanProperty unsavedEditProperty() {
        return viewModel.dirtyProperty();
    }

    /** Font size of both editors; the shell binds it for presentation mode. */
    public DoubleProperty fontSizeProperty() {
        return sourceEditor.fontSizeProperty();
    }

    public DiffViewModel viewModel() {
        return viewModel;
    }

    public YamlEditor sourceEditor() {
        return sourceEditor;
    }

    public YamlEditor proposedEditor() {
        return proposedEditor;
    }

    private void createView() {
        getStyleClass().add("diff-view");
        getStylesheets().add(Objects.requireNonNull(DiffView.class.getResource("diff-view.css"), "diff-view.css")
                .toExternalForm());
        sourceEditor.setId("sourceEditor");
        proposedEditor.setId("proposedEditor");
        proposedEditor.fontSizeProperty().bind(sourceEditor.fontSizeProperty());
        previousChange.setId("previousChange");
        nextChange.setId("nextChange");
        changeIndicator.setId("changeIndicator");
        saveEdit.setId("saveEdit");
        revertEdit.setId("revertEdit");
        editError.setId("editError");
        secretNote.setId("secretNote");
        previousChange.setTooltip(new Tooltip("Previous change (Shift+F7 or Alt+Up)"));
        nextChange.setTooltip(new Tooltip("Next change (F7 or Alt+Down)"));
        saveEdit.setTooltip(new Tooltip("Record this edit as a manual change (Ctrl+S)"));
        revertEdit.setTooltip(new Tooltip("Drop the edit and show the proposed object again"));
        saveEdit.getStyleClass().add("accent");
        changeIndicator.getStyleClass().add("change-indicator");
        sourceHeader.getStyleClass().addAll("diff-header", "diff-header-source");
        proposedHeader.getStyleClass().addAll("diff-header", "diff-header-proposed");
        editError.getStyleClass().add("edit-error");
        editError.setWrapText(true);
        editError.setMaxWidth(Double.MAX_VALUE);
        secretNote.getStyleClass().add("secret-note");
        secretNote.setWrapText(true);
        secretNote.setMaxWidth(Double.MAX_VALUE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, previousChange, nextChange, changeIndicator, spacer, saveEdit, revertEdit);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.getStyleClass().add("diff-toolbar");

        GridPane sides = new GridPane();
        sides.setHgap(4);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        sides.getColumnConstraints().addAll(half, half);
        RowConstraints headerRow = new RowConstraints();
        RowConstraints editorRow = new RowConstraints();
        editorRow.setVgrow(Priority.ALWAYS);
        sides.getRowConstraints().addAll(headerRow, editorRow);
        sourceHeader.setMaxWidth(Double.MAX_VALUE);
        proposedHeader.setMaxWidth(Double.MAX_VALUE);
        sides.add(sourceHeader, 0, 0);
        sides.add(proposedHeader, 1, 0);
        sides.add(sourceEditor, 0, 1);
        sides.add(proposedEditor, 1, 1);

        VBox messages = new VBox(4, editError, secretNote);
        messages.setPadding(new Insets(0, 6, 0, 6));
        setTop(toolbar);
        setCenter(sides);
        setBottom(messages);
    }

    private void bindViewModel() {
        sourceHeader.textProperty().bind(viewModel.sourceTitleProperty());
        proposedHeader.textProperty().bind(Bindings.concat(viewModel.proposedTitleProperty(),
                Bindings.when(viewModel.dirtyProperty()).then(" — edited").otherwise("")));
        changeIndicator.textProperty().bind(viewModel.changeIndicatorProperty());
        previousChange.disableProperty().bind(viewModel.changeCountProperty().isEqualTo(0));
        nextChange.disableProperty().bind(viewModel.changeCountProperty().isEqualTo(0));
        editError.textProperty().bind(viewModel.editErrorProperty());
        editError.visibleProperty().bind(viewModel.editErrorProperty().isNotEmpty());
        editError.managedProperty().bind(editError.visibleProperty());
        secretNote.textProperty().bind(viewModel.secretNoteProperty());
        secretNote.visibleProperty().bind(viewModel.secretProperty());
        secretNote.managedProperty().bind(secretNote.visibleProperty());
        proposedEditor.editableProperty().bind(viewModel.editAllowedProperty());
        saveEdit.visibleProperty().bind(viewModel.editAllowedProperty());
        saveEdit.managedProperty().bind(saveEdit.visibleProperty());
        revertEdit.visibleProperty().bind(viewModel.editAllowedProperty());
        revertEdit.managedProperty().bind(revertEdit.visibleProperty());
        saveEdit.disableProperty().bind(viewModel.canSaveProperty().not());
        revertEdit.disableProperty().bind(viewModel.dirtyProperty().not());

        previousChange.setOnAction(e -> previousChange());
        nextChange.setOnAction(e -> nextChange());
        saveEdit.setOnAction(e -> saveEdit());
        revertEdit.setOnAction(e -> revertEdit());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        proposedEditor.edits().subscribe(changes -> {
            if (!settingText) {
                viewModel.textChanged(proposedEditor.getText());
            }
        });
        proposedEditor.edits().successionEnds(Duration.ofMillis(250)).subscribe(changes -> {
            if (viewModel.checkingProperty().get()) {
                recompute(viewModel.sourceTextProperty().get(), proposedEditor.getText(), true);
            }
        });
        sourceEditor.addScrollListener(obs -> scheduleFollow(true));
        proposedEditor.addScrollListener(obs -> scheduleFollow(false));
    }

    private void onKey(KeyEvent event) {
        if (NEXT.match(event) || NEXT_ALT.match(event)) {
            nextChange();
        } else if (PREVIOUS.match(event) || PREVIOUS_ALT.match(event)) {
            previousChange();
        } else if (SAVE.match(event) && viewModel.editAllowedProperty().get()) {
            saveEdit();
        } else {
            return;
        }
        event.consume();
    }

    /** Diffs (and, for an edit, checks) in the background; applies the result if nothing newer was asked for. */
    private void recompute(String source, String proposed, boolean edited) {
        long generation = ++diffGeneration;
        background.execute(() -> {
            DiffResult result = LineDiffer.diff(source, proposed);
            EditValidation validation = edited ? viewModel.validate(proposed) : EditValidation.OK;
            Platform.runLater(() -> {
                if (generation != diffGeneration) {
                    return;
                }
                if (edited) {
                    viewModel.editChecked(proposed, validation);
                }
                if (proposedEditor.getText().equals(proposed)) {
                    applyDiff(result, true);
                }
            });
        });
    }

    private void applyDiff(DiffResult result, boolean follow) {
        viewModel.diffReady(result);
        sourceRowStarts = rowStarts(result.sourceLines());
        proposedRowStarts = rowStarts(result.proposedLines());
        sourceEditor.setLineStyles(withCurrent(result.sourceLines(), true));
        proposedEditor.setLineStyles(withCurrent(result.proposedLines(), false));
        sourceEditor.setMarks(result.sourceWords());
        proposedEditor.setMarks(result.proposedWords());
        if (follow) {
            scheduleFollow(false);
        }
    }

    /** Marks the lines of the current change so the eye finds it after a jump. */
    private List<LineStyle> withCurrent(List<LineStyle> styles, boolean source) {
        Hunk current = viewModel.currentHunk().orElse(null);
        if (current == null) {
            return styles;
        }
        List<LineStyle> marked = new ArrayList<>(styles);
        int start = source ? current.sourceStart() : current.proposedStart();
        int end = source ? current.sourceEnd() : current.proposedEnd();
        for (int i = start; i < end && i < marked.size(); i++) {
            LineStyle style = marked.get(i);
            List<String> classes = new ArrayList<>(style.styleClasses());
            classes.add("diff-current");
            marked.set(i, new LineStyle(classes, style.fillerAbove(), style.fillerBelow()));
        }
        return marked;
    }

    private void revealCurrentChange() {
        Hunk hunk = viewModel.currentHunk().orElse(null);
        DiffResult result = viewModel.diffProperty().get();
        if (hunk == null || result == null) {
            return;
        }
        sourceEditor.setLineStyles(withCurrent(result.sourceLines(), true));
        proposedEditor.setLineStyles(withCurrent(result.proposedLines(), false));
        boolean onSource = hunk.kind() == Hunk.Kind.REMOVED;
        YamlEditor target = onSource ? sourceEditor : proposedEditor;
        int line = onSource ? hunk.sourceStart() : hunk.proposedStart();
        target.moveCaretToLine(line);
        target.focusText();
        scheduleFollow(onSource);
    }

    /** Follows after the current layout pass, once per pulse, when the flow's cells have their places. */
    private void scheduleFollow(boolean sourceLeads) {
        if (syncingScroll) {
            return;
        }
        followSourceLeads = sourceLeads;
        if (!followScheduled) {
            followScheduled = true;
            Platform.runLater(() -> {
                followScheduled = false;
                sourceEditor.rearmScrollListener();
                proposedEditor.rearmScrollListener();
                if (followSourceLeads) {
                    follow(sourceEditor, sourceRowStarts, proposedEditor, proposedRowStarts);
                } else {
                    follow(proposedEditor, proposedRowStarts, sourceEditor, sourceRowStarts);
                }
            });
        }
    }

    /**
     * Scrolls {@code follower} so the same row is at its top as in {@code leader}. Rows, not lines: filler rows make
     * corresponding lines different lines but the same distance from the top.
     */
    private void follow(YamlEditor leader, int[] leaderRows, YamlEditor follower, int[] followerRows) {
        if (syncingScroll || (leader.atTop() && follower.atTop())) {
            return; // both at the top, as after every show(): level, and asking an area where its lines are would
                    // make it build and lay out their cells at once
        }
        double rows = leader.scrolledRows(leaderRows);
        if (Double.isNaN(rows)) {
            return;
        }
        double already = follower.scrolledRows(followerRows);
        if (Math.abs(already - rows) * leader.lineHeightProperty().get() < 0.5) {
            return;
        }
        syncingScroll = true;
        try {
            follower.scrollToRows(rows, followerRows);
        } finally {
            syncingScroll = false;
        }
    }

    private static int[] rowStarts(List<LineStyle> lines) {
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i + 1] = starts[i] + lines.get(i).rows();
        }
        return starts;
    }
}
