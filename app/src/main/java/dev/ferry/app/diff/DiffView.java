package dev.ferry.app.diff;

import dev.ferry.app.common.LayoutPasses;
import dev.ferry.app.editor.EditorExecutor;
import dev.ferry.app.editor.LineStyle;
import dev.ferry.app.editor.YamlCodeArea;
import dev.ferry.app.editor.YamlEditor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
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
    /** Counts calls of {@link #show}, so a proposed side waiting for its layout pass knows it is still wanted. */
    private long shown;
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(this, "settled", true);

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
            // small documents (nearly every object) are diffed at once, and each side's text, highlighting, changed
            // words and line styles reach its code area as one change, so it builds its cells once; both sides
            // start at the top, so there is nothing to scroll into line yet
            diffGeneration++;
            long turn = ++shown;
            DiffResult result = LineDiffer.diff(shownSource, shownProposed);
            viewModel.diffReady(result);
            sourceRowStarts = rowStarts(result.sourceLines());
            proposedRowStarts = rowStarts(result.proposedLines());
            settled.set(false);
            whileSettingText(() -> sourceEditor.setDocument(shownSource, result.sourceWords(),
                    withCurrent(result.sourceLines(), true)));
            // building, styling and laying out a side's visible lines is most of a selection's work on the FX
            // thread: the proposed side follows after the layout pass of the source side, so no single stall of
            // the FX thread holds both
            afterNextLayoutPass(() -> {
                if (turn == shown) {
                    whileSettingText(() -> proposedEditor.setDocument(shownProposed, result.proposedWords(),
                            withCurrent(result.proposedLines(), false)));
                    settled.set(true);
                }
            });
            return;
        }
        shown++; // drops a proposed side still waiting for its turn
        whileSettingText(() -> {
            sourceEditor.setText(shownSource);
            proposedEditor.setText(shownProposed);
        });
        settled.set(true);
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

    /** Runs {@code action} as its own event after the next layout pass; at once when the view is not showing. */
    private void afterNextLayoutPass(Runnable action) {
        Scene scene = getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            action.run();
            return;
        }
        LayoutPasses.atEndOfNext(scene, () -> Platform.runLater(action));
    }

    /**
     * True once both sides show what {@link #show} was last given: the proposed side follows the source side one
     * layout pass later, and is read-only until then.
     */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
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
        proposedEditor.editableProperty().bind(viewModel.editAllowedProperty().and(settled));
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

        YamlCodeArea proposedArea = proposedEditor.area();
        proposedArea.multiPlainChanges().subscribe(changes -> {
            if (!settingText) {
                viewModel.textChanged(proposedArea.getText());
            }
        });
        proposedArea.multiPlainChanges().successionEnds(Duration.ofMillis(250)).subscribe(changes -> {
            if (viewModel.checkingProperty().get()) {
                recompute(viewModel.sourceTextProperty().get(), proposedArea.getText(), true);
            }
        });
        // invalidation, not change, listeners: a change listener makes the flow recompute its scroll estimate each
        // time it measures a line; the follow reads both estimates once, which re-arms these
        sourceEditor.area().estimatedScrollYProperty().addListener((InvalidationListener) obs -> scheduleFollow(true));
        proposedEditor.area().estimatedScrollYProperty()
                .addListener((InvalidationListener) obs -> scheduleFollow(false));
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
        target.area().requestFocus();
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
                sourceEditor.area().estimatedScrollYProperty().getValue();
                proposedEditor.area().estimatedScrollYProperty().getValue();
                if (followSourceLeads) {
                    follow(sourceEditor, sourceRowStarts, proposedEditor, proposedRowStarts);
                } else {
                    follow(proposedEditor, proposedRowStarts, sourceEditor, sourceRowStarts);
                }
            });
        }
    }

    /**
     * Scrolls {@code follower} so the same row is at its top as in {@code leader}. Rows, not paragraphs: filler
     * rows make corresponding lines different paragraphs but the same distance from the top.
     */
    private void follow(YamlEditor leader, int[] leaderRows, YamlEditor follower, int[] followerRows) {
        if (syncingScroll) {
            return;
        }
        YamlCodeArea to = follower.area();
        if (leader.area().getEstimatedScrollY() < 0.5 && to.getEstimatedScrollY() < 0.5) {
            // both at the top, as after every show(), so level. Asking a flow where its lines are makes it build
            // and lay out their cells at once, outside the layout pass
            return;
        }
        double lineHeight = leader.lineHeightProperty().get();
        double y = scrolledBy(leader.area(), leaderRows, lineHeight);
        if (Double.isNaN(y) || to.getParagraphs().isEmpty()) {
            return;
        }
        if (Math.abs(scrolledBy(to, followerRows, lineHeight) - y) < 0.5) {
            return; // already level: scrolling it anyway would make its flow lay out its cells again
        }
        int row = (int) Math.floor(y / lineHeight);
        int target = paragraphAtRow(followerRows, row);
        if (target >= to.getParagraphs().size()) {
            return;
        }
        syncingScroll = true;
        try {
            to.showParagraphAtTop(target);
            double offset = y - followerRows[target] * lineHeight;
            if (offset > 0.5) {
                to.scrollYBy(offset);
            }
        } finally {
            syncingScroll = false;
        }
    }

    /** How far {@code area} is scrolled down, in pixels of rows (filler rows included); NaN when not laid out. */
    private static double scrolledBy(YamlCodeArea area, int[] rows, double lineHeight) {
        Bounds bounds = area.localToScreen(area.getBoundsInLocal());
        if (bounds == null || area.getVisibleParagraphs().isEmpty()) {
            return Double.NaN;
        }
        int first = area.firstVisibleParToAllParIndex();
        if (first < 0 || first >= rows.length - 1) {
            return Double.NaN;
        }
        Bounds box = area.getVisibleParagraphBoundsOnScreen(0);
        return box == null ? Double.NaN : rows[first] * lineHeight + (bounds.getMinY() - box.getMinY());
    }

    private static int paragraphAtRow(int[] rowStarts, int row) {
        int low = 0;
        int high = rowStarts.length - 2;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (rowStarts[mid] <= row) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Math.max(low, 0);
    }

    private static int[] rowStarts(List<LineStyle> lines) {
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i + 1] = starts[i] + lines.get(i).rows();
        }
        return starts;
    }
}
