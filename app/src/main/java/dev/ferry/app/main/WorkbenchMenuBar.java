package dev.ferry.app.main;

import static dev.ferry.app.main.WorkbenchMenus.check;
import static dev.ferry.app.main.WorkbenchMenus.enabledWhen;
import static dev.ferry.app.main.WorkbenchMenus.item;
import static dev.ferry.app.main.WorkbenchMenus.separator;
import static dev.ferry.app.main.WorkbenchMenus.textFrom;

import dev.ferry.app.common.FileChoosers;
import dev.ferry.app.inspector.InspectorView;
import dev.ferry.app.inspector.InspectorViewModel;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.start.StartViewModel;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.app.theme.Theme;
import dev.ferry.app.tree.ObjectTreeView;
import dev.ferry.app.tree.ObjectTreeViewModel;
import dev.ferry.app.waves.WaveRunViewModel;
import dev.ferry.app.waves.WavesView;
import dev.ferry.app.waves.WavesViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The menu bar (File, Review, Waves, View, Help) with every shortcut shown, and the single-key review shortcuts
 * (J/N next, K previous, A approve, R reject, C comment) that work whenever focus is not in a text field.
 */
public final class WorkbenchMenuBar {

    private final WorkbenchMenus menus = new WorkbenchMenus();
    private final MainViewModel main;
    private final ObjectTreeViewModel tree;
    private final InspectorViewModel inspector;
    private final ObjectTreeView treeView;
    private final InspectorView inspectorView;

    public WorkbenchMenuBar(MainViewModel main, StartViewModel start, ObjectTreeViewModel tree,
                            InspectorViewModel inspector, WavesViewModel waves, ReviewActions actions,
                            FileChoosers choosers, ObjectTreeView treeView, InspectorView inspectorView,
                            WavesView wavesView, Runnable showReport, Runnable connect, Runnable quit) {
        this.main = main;
        this.tree = tree;
        this.inspector = inspector;
        this.treeView = treeView;
        this.inspectorView = inspectorView;
        var open = main.reviewOpenProperty();

        Menu file = menus.menu("File", "menuFile");
        item(file, "Open bundle folder…", "menuOpenFolder", "Shortcut+O",
                e -> choosers.chooseFolder("Open a Ferry bundle folder").ifPresent(start::open));
        item(file, "Open bundle zip…", "menuOpenZip", "Shortcut+Shift+O",
                e -> choosers.chooseFile("Open a Ferry bundle zip", "Ferry bundle (*.zip)", "*.zip")
                        .ifPresent(start::open));
        item(file, "Connect clusters…", "menuConnect", "Shortcut+K", e -> connect.run());
        separator(file);
        enabledWhen(item(file, "Export bundle as zip…", "menuExportZip", "Shortcut+E",
                e -> choosers.saveFile("Export the bundle with your decisions", "bundle.zip", "Zip (*.zip)", "*.zip")
                        .ifPresent(main::exportZip)), open);
        enabledWhen(item(file, "Merge a reviewer's copy…", "menuMerge", "Shortcut+Shift+M",
                e -> choosers.chooseFile("Merge decisions from a reviewer's copy", "Ferry bundle (*.zip)", "*.zip")
                        .ifPresent(copy -> main.mergeReviewerCopy(copy, this::showMergeReport))), open);
        enabledWhen(item(file, "Open report", "menuOpenReport", "Shortcut+Shift+R", e -> showReport.run()), open);
        separator(file);
        enabledWhen(item(file, "Close bundle", "menuClose", "Shortcut+W", e -> actions.close()), open);
        item(file, "Quit", "menuQuit", "Shortcut+Q", e -> quit.run());

        Menu review = menus.menu("Review", "menuReview");
        enabledWhen(item(review, "Next change  (J, N)", "menuNextChange", "Shortcut+Down",
                e -> tree.selectNextChange()), open);
        enabledWhen(item(review, "Previous change  (K)", "menuPreviousChange", "Shortcut+Up",
                e -> tree.selectPreviousChange()), open);
        separator(review);
        enabledWhen(item(review, "Approve object  (A)", "menuApprove", "Shortcut+Enter",
                e -> inspector.approveObject()), inspector.decidableProperty());
        enabledWhen(item(review, "Reject object  (R)", "menuReject", null, e -> inspector.rejectObject()),
                inspector.decidableProperty());
        enabledWhen(item(review, "Comment…  (C)", "menuComment", null, e -> inspectorView.focusComment()),
                inspector.decidableProperty());
        enabledWhen(item(review, "Approve every change in this namespace…", "menuApproveNamespace", null,
                e -> inspector.requestApproveNamespace()), Bindings.isNotNull(inspector.objectProperty()));
        enabledWhen(item(review, "Approve every change in the review…", "menuApproveAll", null,
                e -> inspector.requestApproveAll()), open);
        separator(review);
        textFrom(enabledWhen(item(review, "Undo", "menuUndo", "Shortcut+Z", e -> inspector.undo()),
                inspector.canUndoProperty()), inspector.undoTextProperty());
        textFrom(enabledWhen(item(review, "Redo", "menuRedo", "Shortcut+Shift+Z", e -> inspector.redo()),
                inspector.canRedoProperty()), inspector.redoTextProperty());
        separator(review);
        CheckMenuItem needsMe = check(review, "Show only what needs me", "menuNeedsMe", "Shortcut+M");
        needsMe.selectedProperty().bindBidirectional(tree.needsMeOnlyProperty());
        CheckMenuItem excluded = check(review, "Show excluded objects", "menuShowExcluded", "Shortcut+Shift+X");
        excluded.selectedProperty().bindBidirectional(tree.showExcludedProperty());
        item(review, "Filter objects…", "menuFilter", "Shortcut+F", e -> treeView.focusTextFilter());
        separator(review);
        item(review, "Reviewer name…", "menuReviewer", null,
                e -> ReviewerNameDialog.ask(menus.bar().getScene().getWindow(), main));

        Menu wavesMenu = menus.menu("Waves", "menuWaves");
        enabledWhen(item(wavesMenu, "Plan waves", "menuPlanWaves", null, e -> waves.planWaves()),
                Bindings.and(open, waves.plannedProperty().not()));
        separator(wavesMenu);
        enabledWhen(item(wavesMenu, "Dry-run selected wave…", "menuDryRun", "Shortcut+Shift+D",
                e -> wavesView.request(WaveRunViewModel.Action.DRY_RUN)), waves.clusterActionsEnabledProperty());
        enabledWhen(item(wavesMenu, "Apply selected wave…", "menuApply", "Shortcut+Shift+A",
                e -> wavesView.request(WaveRunViewModel.Action.APPLY)), waves.clusterActionsEnabledProperty());
        enabledWhen(item(wavesMenu, "Roll back selected wave…", "menuRollback", null,
                e -> wavesView.request(WaveRunViewModel.Action.ROLLBACK)), waves.clusterActionsEnabledProperty());
        enabledWhen(item(wavesMenu, "Status of selected wave", "menuWaveStatus", null,
                e -> wavesView.request(WaveRunViewModel.Action.STATUS)), waves.clusterActionsEnabledProperty());

        Menu view = menus.menu("View", "menuView");
        CheckMenuItem dark = check(view, "Dark theme", "menuDarkTheme", "Shortcut+Shift+L");
        dark.setSelected(false);
        dark.setOnAction(e -> main.toggleTheme());
        CheckMenuItem presentation = check(view, "Presentation mode  (F11 or Ctrl+Shift+P)", "menuPresentation", "F11");
        presentation.setOnAction(e -> main.togglePresentation());
        this.darkItem = dark;
        this.presentationItem = presentation;

        Menu help = menus.menu("Help", "menuHelp");
        item(help, "Keyboard shortcuts", "menuShortcuts", "F1", e -> shortcuts());
        item(help, "About Ferry", "menuAbout", null, e -> about());
    }

    private final CheckMenuItem darkItem;
    private final CheckMenuItem presentationItem;

    public MenuBar bar() {
        return menus.bar();
    }

    /** Keeps the check items in step with the state, and installs the single-key shortcuts on {@code scene}. */
    public void installKeys(Scene scene, WorkbenchState state) {
        darkItem.setSelected(state.themeProperty().get() == Theme.DARK);
        state.themeProperty().addListener((obs, old, now) -> darkItem.setSelected(now == Theme.DARK));
        presentationItem.setSelected(state.presentationProperty().get());
        state.presentationProperty().addListener((obs, old, now) -> presentationItem.setSelected(now));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.P && e.isShortcutDown() && e.isShiftDown()) {
                main.togglePresentation();
                e.consume();
                return;
            }
            if (state.review() == null || scene.getFocusOwner() instanceof TextInputControl) {
                return; // a text field keeps its own keys, undo included
            }
            if (e.getCode() == KeyCode.Z && e.isShortcutDown() && !e.isAltDown()) {
                if (e.isShiftDown()) {
                    inspector.redo();
                } else {
                    inspector.undo();
                }
                e.consume();
                return;
            }
            boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && !e.isMetaDown();
            if (!plain) {
                return;
            }
            boolean handled = switch (e.getCode()) {
                case J, N -> tree.selectNextChange();
                case K -> tree.selectPreviousChange();
                case A -> run(inspector::approveObject);
                case R -> run(inspector::rejectObject);
                case C -> run(inspectorView::focusComment);
                default -> false;
            };
            if (handled) {
                e.consume();
            }
        });
    }

    private static boolean run(Runnable action) {
        action.run();
        return true;
    }

    private void shortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(menus.bar().getScene().getWindow());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Every action has a key");
        alert.setContentText(String.join("\n",
                "J or N, Ctrl+Down    next object that needs you",
                "K, Ctrl+Up           previous one",
                "A, Ctrl+Enter        approve the object's changes",
                "R                    reject them",
                "C                    write a comment for the next decision",
                "Ctrl+Z, Ctrl+Shift+Z undo, redo",
                "Ctrl+M               show only what needs me",
                "Ctrl+F               filter the tree",
                "Ctrl+Shift+X         show excluded objects",
                "Ctrl+O               open a bundle folder",
                "Ctrl+K               connect clusters",
                "Ctrl+Shift+D / A     dry-run / apply the selected wave",
                "Ctrl+E               export the bundle as a zip",
                "Ctrl+Shift+M         merge a reviewer's copy",
                "Ctrl+Shift+R         open the report",
                "Ctrl+Shift+L         dark theme",
                "F11, Ctrl+Shift+P    presentation mode"));
        alert.getDialogPane().setStyle("-fx-font-family: monospace;");
        alert.show();
    }

    private void showMergeReport(String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(menus.bar().getScene().getWindow());
        alert.setTitle("Merge");
        alert.setHeaderText("Decisions merged from a reviewer's copy");
        alert.setContentText(text);
        alert.getDialogPane().setId("mergeReport");
        alert.show();
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(menus.bar().getScene().getWindow());
        alert.setTitle("About Ferry");
        alert.setHeaderText("Ferry");
        alert.setContentText("Moves Kubernetes workloads between Azure AKS and Amazon EKS: every change is proposed "
                + "by a documented rule, reviewed here, and applied wave by wave.");
        alert.show();
    }
}
