package dev.ferry.app;

import dev.ferry.app.common.FileChoosers;
import dev.ferry.app.connect.ConnectionsBarView;
import dev.ferry.app.connect.ConnectionsBarViewModel;
import dev.ferry.app.error.FxErrorReporter;
import dev.ferry.app.inspector.InspectorView;
import dev.ferry.app.inspector.InspectorViewModel;
import dev.ferry.app.main.DiffPane;
import dev.ferry.app.main.DiffPaneViewModel;
import dev.ferry.app.main.MainViewModel;
import dev.ferry.app.main.ShellView;
import dev.ferry.app.main.StatusBarView;
import dev.ferry.app.main.WorkbenchView;
import dev.ferry.app.main.WorkbenchMenuBar;
import dev.ferry.app.prefs.UserPreferences;
import dev.ferry.app.report.ReportWindow;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.live.DemoService;
import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.live.Reproposal;
import dev.ferry.app.settings.SettingsEditorView;
import dev.ferry.app.settings.SettingsEditorViewModel;
import dev.ferry.app.stall.StallMonitor;
import dev.ferry.app.start.StartView;
import dev.ferry.app.start.StartViewModel;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.app.task.ExecutorTaskRunner;
import dev.ferry.app.theme.ThemeController;
import dev.ferry.app.tree.ObjectTreeView;
import dev.ferry.app.tree.ObjectTreeViewModel;
import dev.ferry.app.waves.WavesView;
import dev.ferry.app.waves.WaveRunViewModel;
import dev.ferry.app.waves.WavesViewModel;
import dev.ferry.app.connect.ConnectDialog;
import dev.ferry.app.connect.ConnectViewModel;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root: builds the state, services, view models and views of one workbench window. The app and the
 * GUI tests both start the workbench through it, so tests drive the real thing.
 */
public final class Workbench implements AutoCloseable {

    private final Stage stage;
    private final WorkbenchState state = new WorkbenchState();
    private final ExecutorTaskRunner runner = ExecutorTaskRunner.forFx();
    private final StallMonitor stalls = StallMonitor.start();
    private final WorkbenchContext context;
    private final MainViewModel main;
    private final StartViewModel start;
    private final ObjectTreeViewModel tree;
    private final InspectorViewModel inspector;
    private final WavesViewModel waves;
    private final WaveRunViewModel waveRun;
    private final ReviewActions actions;
    private final ObjectTreeView treeView;
    private final InspectorView inspectorView;
    private final Scene scene;
    private final Runnable showReport;

    /**
     * @param stage         the window
     * @param preferences   where the reviewer name, theme and recent bundles live
     * @param openInBrowser opens a file in the user's browser (the app passes HostServices)
     */
    public Workbench(Stage stage, UserPreferences preferences, Consumer<Path> openInBrowser) {
        this.stage = stage;
        this.context = new WorkbenchContext(state, runner, new FxErrorReporter(() -> stage), preferences);
        this.actions = new ReviewActions(context);
        this.main = new MainViewModel(context);
        this.start = new StartViewModel(context, new ReviewLoader(), new DemoService());
        this.tree = new ObjectTreeViewModel(context);
        this.inspector = new InspectorViewModel(context, actions);
        this.waves = new WavesViewModel(context, actions);
        FileChoosers choosers = FileChoosers.of(() -> stage);

        this.treeView = new ObjectTreeView(tree);
        this.inspectorView = new InspectorView(inspector);
        ConnectionsBarView connections = new ConnectionsBarView(new ConnectionsBarViewModel(state),
                this::showSettings, () -> new ConnectDialog(stage,
                new ConnectViewModel(context, new KubeconfigLoader(), new ClusterConnector()), choosers).show());
        this.waveRun = new WaveRunViewModel(context, java.time.Clock.systemUTC());
        WavesView wavesView = new WavesView(waves, waveRun);
        WorkbenchView workbench = new WorkbenchView(main, connections, treeView, new DiffPane(new DiffPaneViewModel(context, actions), state), inspectorView,
                wavesView);
        
        this.showReport = () -> main.renderReport(html -> ReportWindow.show(stage,
                state.review() == null ? "" : state.review().name(), html,
                () -> main.exportReportForBrowser(openInBrowser)));
        StartView startView = new StartView(start, choosers, () -> connectDialog(choosers), start::startDemo);
        Runnable connect = () -> new ConnectDialog(stage, new ConnectViewModel(context, new KubeconfigLoader(),
                new ClusterConnector()), choosers).show();
        WorkbenchMenuBar menus = new WorkbenchMenuBar(main, start, tree, inspector, waves, actions, choosers,
                treeView, inspectorView, wavesView, showReport, connect, () -> stage.close());
        ShellView shell = new ShellView(main, menus.bar(), startView, workbench, new StatusBarView(runner, main));
        this.scene = new Scene(shell, 1500, 940);
        ThemeController.attach(scene, state);
        menus.installKeys(scene, state);
        stage.titleProperty().bind(main.titleProperty());
        stage.setScene(scene);
    }

    /** The settings editor of the open review (the connections bar's "Settings…", Ctrl+,). */
    public void showSettings() {
        if (state.review() == null) {
            SettingsDialog.noReview(stage);
            return;
        }
        Reproposal reproposal = new Reproposal(java.time.Clock.systemUTC(), new ReviewLoader());
        SettingsEditorView.show(stage, new SettingsEditorViewModel(context,
                (review, settings, by, progress) -> reproposal.repropose(review.session(), settings, by, progress)));
    }

    private void connectDialog(FileChoosers choosers) {
        new ConnectDialog(stage, new ConnectViewModel(context, new KubeconfigLoader(), new ClusterConnector()),
                choosers).show();
    }

    /** Opens the bundle's report in its own window (File → Open report). */
    public void showReport() {
        showReport.run();
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    public WorkbenchState state() {
        return state;
    }

    public WorkbenchContext context() {
        return context;
    }

    /** The FX-thread stall monitor, for the benchmark and the log. */
    public StallMonitor stalls() {
        return stalls;
    }

    public StartViewModel startViewModel() {
        return start;
    }

    public ObjectTreeViewModel treeViewModel() {
        return tree;
    }

    public InspectorViewModel inspectorViewModel() {
        return inspector;
    }

    public WavesViewModel wavesViewModel() {
        return waves;
    }

    public WaveRunViewModel waveRunViewModel() {
        return waveRun;
    }

    /** Closes the open review and stops background work. */
    @Override
    public void close() {
        if (state.review() != null) {
            state.review().session().close();
        }
        if (state.targetClusterProperty().get() != null) {
            state.targetClusterProperty().get().close();
        }
        start.closeDemoNow();
        stalls.close();
        runner.close();
    }
}
