package dev.ferry.app.connect;

import dev.ferry.app.live.EstateImport;
import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.cluster.config.KubeContext;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.engine.Direction;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Connecting the clusters: a kubeconfig (a chosen file, else {@code KUBECONFIG}, else {@code ~/.kube/config}), its
 * contexts, and a source and a target context. Connecting checks that each server answers; the source is
 * read-only, the target is where waves go. Loading and connecting run in the background; failures show inline.
 */
public final class ConnectViewModel {

    private final WorkbenchContext context;
    private final KubeconfigLoader loader;
    private final ClusterConnector connector;
    private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObservableList<String> contextsView = FXCollections.unmodifiableObservableList(contexts);
    private final ObjectProperty<String> sourceContext = new SimpleObjectProperty<>(this, "sourceContext");
    private final ObjectProperty<String> targetContext = new SimpleObjectProperty<>(this, "targetContext");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected", false);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction",
            Direction.AKS_TO_EKS);
    private final ReadOnlyStringWrapper directionHint = new ReadOnlyStringWrapper(this, "directionHint", "");
    private Kubeconfig loaded;
    private boolean guessing;
    private boolean directionChosen;

    public ConnectViewModel(WorkbenchContext context, KubeconfigLoader loader, ClusterConnector connector) {
        this.context = context;
        this.loader = loader;
        this.connector = connector;
        sourceContext.addListener(o -> {
            checkChoice();
            guessDirection();
        });
        targetContext.addListener(o -> checkChoice());
        direction.addListener((obs, old, now) -> {
            if (now == null) {
                direction.set(old == null ? Direction.AKS_TO_EKS : old);
            } else if (!guessing) {
                directionChosen = true;
                directionHint.set("");
            }
        });
    }

    /** Until the user picks a direction, it follows what the source's API server looks like. */
    private void guessDirection() {
        if (directionChosen || loaded == null || sourceContext.get() == null) {
            return;
        }
        Optional<KubeContext> source = loaded.context(sourceContext.get());
        Optional<Direction> guess = source.flatMap(c -> DirectionGuess.fromSourceServer(c.server()));
        guessing = true;
        try {
            guess.ifPresent(direction::set);
        } finally {
            guessing = false;
        }
        directionHint.set(guess.map(d -> "from the source's server (" + source.get().server() + ")")
                .orElse(source.isPresent() ? "the source's server does not say which cloud it is in; choose" : ""));
    }

    /** Reads the kubeconfig and lists its contexts; the current context becomes the source. */
    public void loadContexts() {
        String file = kubeconfig.get().strip();
        Path explicit = file.isEmpty() ? null : Path.of(file);
        error.set("");
        busy.set(true);
        context.runner().run("Reading the kubeconfig", progress -> loader.load(explicit), config -> {
            busy.set(false);
            loaded = config;
            contexts.setAll(config.contexts().stream().map(KubeContext::name).toList());
            config.currentContext().ifPresent(current -> {
                if (sourceContext.get() == null) {
                    sourceContext.set(current);
                }
            });
            guessDirection();
            if (!config.warnings().isEmpty()) {
                warning.set(String.join("; ", config.warnings()));
            }
        }, failure -> {
            busy.set(false);
            contexts.clear();
            error.set(failure instanceof KubeconfigException ? failure.getMessage()
                    : "Cannot read the kubeconfig: " + failure.getMessage());
        });
    }

    private void checkChoice() {
        String source = sourceContext.get();
        String target = targetContext.get();
        if (target != null && target.equals(source)) {
            warning.set("The target is the same context as the source. Ferry will not write to the source.");
            return;
        }
        Optional<KubeContext> targetInfo = loaded == null || target == null ? Optional.empty() : loaded.context(target);
        Optional<KubeContext> sourceInfo = loaded == null || source == null ? Optional.empty() : loaded.context(source);
        if (targetInfo.isPresent() && sourceInfo.isPresent()
                && targetInfo.get().server().equals(sourceInfo.get().server())) {
            warning.set("The target context points at the source's API server (" + targetInfo.get().server() + ").");
        } else if (targetInfo.isPresent() && connection(targetInfo.get(), null).looksLikeProduction()) {
            warning.set("The target looks like production (" + target + "). Every apply asks you to confirm.");
        } else {
            warning.set("");
        }
    }

    /** Connects the chosen contexts; on success the connections bar shows them and the wave actions come alive. */
    public void connect() {
        if (loaded == null || targetContext.get() == null) {
            error.set("Choose a target context first.");
            return;
        }
        if (targetContext.get().equals(sourceContext.get())) {
            error.set("Choose a target other than the source.");
            return;
        }
        Kubeconfig config = loaded;
        String source = sourceContext.get();
        String target = targetContext.get();
        error.set("");
        busy.set(true);
        context.runner().run("Connecting to " + target, progress -> {
            SourceCluster sourceCluster = null;
            if (source != null) {
                progress.update(0.2, "Connecting to the source " + source);
                sourceCluster = connector.connectSource(config, source);
            }
            progress.update(0.6, "Connecting to the target " + target);
            TargetCluster targetCluster = connector.connectTarget(config, target);
            return new Connected(config, sourceCluster, targetCluster);
        }, result -> {
            busy.set(false);
            if (result.source() != null) {
                context.state().setSource(connection(config, result.source().info()));
                result.source().close();
            }
            TargetCluster previous = context.state().targetClusterProperty().get();
            context.state().connectTarget(connection(config, result.target().info()), result.target());
            if (previous != null) {
                previous.close();
            }
            connected.set(true);
            if (context.state().review() == null && source != null) {
                importSource(config, source, direction.get());
            }
        }, failure -> {
            busy.set(false);
            error.set(failure instanceof ClusterException ? failure.getMessage()
                    : "Cannot connect: " + failure.getMessage());
        });
    }

    /** With no review open, connecting means "migrate this estate": inventory the source and open the proposal. */
    private void importSource(Kubeconfig config, String source, Direction chosen) {
        Path work = context.preferences().bundlesFolder().resolve(source.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(java.time.LocalDateTime.now()));
        context.runner().run("Reading the estate of " + source, progress -> {
            Path bundle = new EstateImport(connector).importEstate(config, source, work, chosen, progress);
            return new ReviewLoader().open(bundle, progress);
        }, snapshot -> {
            context.preferences().addRecentBundle(snapshot.location());
            context.state().setReview(snapshot);
        }, failure -> context.errors().notify("Cannot read the estate of " + source, failure.getMessage()));
    }

    private record Connected(Kubeconfig config, SourceCluster source, TargetCluster target) {
    }

    private static ClusterConnection connection(Kubeconfig config, ClusterInfo info) {
        Path file = config.context(info.context()).map(KubeContext::file)
                .orElse(config.files().isEmpty() ? Path.of("kubeconfig") : config.files().get(0));
        return new ClusterConnection(file, info.context(), info.server(), info.user(),
                Optional.ofNullable(info.kubernetesVersion()).filter(v -> !v.isBlank()));
    }

    private static ClusterConnection connection(KubeContext context, String version) {
        return new ClusterConnection(context.file(), context.name(), context.server(), context.user(),
                Optional.ofNullable(version));
    }

    /**
     * Which way the live estate is proposed when no review is open: follows the source's server
     * ({@link DirectionGuess}) until the user chooses.
     */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /** Where the direction came from ("from the source's server (…)"); empty once the user chose it. */
    public ReadOnlyStringProperty directionHintProperty() {
        return directionHint.getReadOnlyProperty();
    }

    /** The kubeconfig file; empty searches {@code KUBECONFIG} and {@code ~/.kube/config}. */
    public StringProperty kubeconfigProperty() {
        return kubeconfig;
    }

    public ObservableList<String> contexts() {
        return contextsView;
    }

    public ObjectProperty<String> sourceContextProperty() {
        return sourceContext;
    }

    public ObjectProperty<String> targetContextProperty() {
        return targetContext;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A target that looks like production or is the source; empty when none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the last connect succeeded (the dialog closes). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }
}
