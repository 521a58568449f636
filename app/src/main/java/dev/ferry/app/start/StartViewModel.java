package dev.ferry.app.start;

import dev.ferry.app.live.DemoService;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.plan.bundle.BundleException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start screen: open a bundle (folder or zip), reopen a recent one, start the demo estate or connect clusters.
 * Opening happens in the background; an expected failure shows inline on the start screen.
 */
public final class StartViewModel {

    /** What the start screen says about the demo, plainly. */
    public static final String DEMO_STATEMENT = "The demo runs a built-in AKS estate against a simulated Kubernetes "
            + "API server inside Ferry. No cloud account and no real cluster are touched.";

    private final WorkbenchContext context;
    private final ReviewLoader loader;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening", false);
    private final ReadOnlyBooleanWrapper demoAvailable = new ReadOnlyBooleanWrapper(this, "demoAvailable", true);
    private final ReadOnlyStringWrapper demoUnavailableReason = new ReadOnlyStringWrapper(this, "demoReason", "");
    private final ReadOnlyBooleanWrapper connectAvailable = new ReadOnlyBooleanWrapper(this, "connectAvailable", true);
    private final ReadOnlyStringWrapper connectUnavailableReason = new ReadOnlyStringWrapper(this, "connectReason", "");
    private final DemoService demoService;
    private DemoService.Demo demo;

    public StartViewModel(WorkbenchContext context, ReviewLoader loader, DemoService demoService) {
        this.context = context;
        this.loader = loader;
        this.demoService = demoService;
        recent.setAll(context.preferences().recentBundles());
    }

    /** Opens the bundle folder or zip at {@code location}; on success the workbench shows it. */
    public void open(Path location) {
        error.set("");
        opening.set(true);
        context.runner().run("Opening " + location.getFileName(), progress -> loader.open(location, progress),
                this::opened,
                failure -> {
                    opening.set(false);
                    if (failure instanceof BundleException) {
                        error.set(failure.getMessage());
                    } else {
                        error.set("Cannot open " + location + ".");
                        context.errors().unexpected("Opening " + location, failure);
                    }
                });
    }

    private void opened(ReviewSnapshot snapshot) {
        opening.set(false);
        context.preferences().addRecentBundle(snapshot.location());
        recent.setAll(context.preferences().recentBundles());
        context.state().setReview(snapshot);
    }

    /**
     * Starts the demo: simulated source and target API servers inside Ferry, an inventory of the demo AKS estate,
     * the proposal and its review, with the target connected for waves.
     */
    public void startDemo() {
        error.set("");
        opening.set(true);
        context.runner().run("Starting the demo estate", demoService::start, started -> {
            opening.set(false);
            closeDemo();
            demo = started;
            context.state().setSource(started.source());
            context.state().connectTarget(started.target(), started.cluster());
            context.state().setSecretValues(SecretValues.firstOf(started.secretValues(),
                    SecretValues.fromEnvironment(System.getenv())));
            context.state().setReview(started.review());
        }, failure -> {
            opening.set(false);
            error.set("The demo did not start: " + failure.getMessage());
            context.errors().unexpected("Starting the demo estate", failure);
        });
    }

    /** Stops the demo's simulated API servers in the background, if they run. */
    public void closeDemo() {
        DemoService.Demo running = demo;
        demo = null;
        if (running != null) {
            context.runner().run("Stopping the demo", progress -> {
                running.close();
                return running;
            }, r -> { }, failure -> context.errors().unexpected("Stopping the demo", failure));
        }
    }

    /** Stops the demo at once: for the moment the app exits. */
    public void closeDemoNow() {
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }

    /** Forgets a recent bundle (for one that was moved or deleted). */
    public void forget(Path location) {
        context.preferences().removeRecentBundle(location);
        recent.setAll(context.preferences().recentBundles());
    }

    public ObservableList<Path> recentBundles() {
        return recentView;
    }

    /** The last failure to open, for the user; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** How far the running task is, 0 to 1; negative while it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return context.runner().progressProperty();
    }

    public ReadOnlyBooleanProperty demoAvailableProperty() {
        return demoAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty demoUnavailableReasonProperty() {
        return demoUnavailableReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectAvailableProperty() {
        return connectAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectUnavailableReasonProperty() {
        return connectUnavailableReason.getReadOnlyProperty();
    }
}
