package dev.ferry.app.waves;

import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.app.task.UiBatcher;
import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.apply.ObjectEvent;
import dev.ferry.cluster.apply.Phase;
import dev.ferry.cluster.apply.Rejection;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.connect.SameServerCheck;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.rollback.RollbackOptions;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.cluster.status.ObjectStatus;
import dev.ferry.cluster.status.WaveStatusService;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.waves.Wave;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Dry-run, apply, roll back and check the status of one wave against the connected target, with a confirmation that
 * names the target context first, live per-object progress and a log (events batched onto the UI thread), elapsed
 * time, and cancel between objects. Per-object failures become notifications; nothing is faked: every line comes
 * from the cluster module's listener.
 */
public final class WaveRunViewModel {

    /** What a wave action does. */
    public enum Action {
        DRY_RUN("Dry-run"), APPLY("Apply"), ROLLBACK("Roll back"), STATUS("Check status of");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /**
     * A question before a wave action: it names the wave and the target context.
     *
     * @param action what will run
     * @param wave   which wave
     * @param title  the dialog's title
     * @param question the question
     */
    public record ClusterConfirmation(Action action, int wave, String title, String question) {
    }

    private final WorkbenchContext context;
    private final WorkbenchState state;
    private final Clock clock;
    private final ObservableList<ObjectProgress> objects = FXCollections.observableArrayList();
    private final ObservableList<ObjectProgress> objectsView = FXCollections.unmodifiableObservableList(objects);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final Map<ResourceKey, Integer> rowOf = new HashMap<>();
    private final SourceTargetGuard guard = new SourceTargetGuard(new SameServerCheck());
    private final ReadOnlyObjectWrapper<ClusterConfirmation> confirmation = new ReadOnlyObjectWrapper<>(this, "ask");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<Instant> startedAt = new ReadOnlyObjectWrapper<>(this, "startedAt");
    private final ReadOnlyObjectWrapper<Instant> finishedAt = new ReadOnlyObjectWrapper<>(this, "finishedAt");
    private Cancellation cancellation;

    public WaveRunViewModel(WorkbenchContext context, Clock clock) {
        this.context = context;
        this.state = context.state();
        this.clock = clock;
    }

    /** Asks to run {@code action} on {@code wave}; publishes the confirmation, or a reason it cannot run. */
    public void request(Action action, int wave) {
        TargetCluster target = state.targetClusterProperty().get();
        ReviewSnapshot review = state.review();
        if (target == null || review == null || review.plan().flatMap(p -> p.wave(wave)).isEmpty()) {
            context.errors().notify("Cannot " + action.verb().toLowerCase(Locale.ROOT) + " wave " + wave,
                    target == null ? "No target is connected: connect a target cluster first." : "There is no wave "
                            + wave + ".");
            return;
        }
        Wave chosen = review.plan().get().wave(wave).orElseThrow();
        String where = "context " + target.info().context() + " (" + target.info().server() + ")";
        if (action == Action.APPLY) {
            long blockers = review.blockers().stream().filter(b -> b.wave() == wave).count();
            if (blockers > 0) {
                context.errors().notify("Cannot apply " + chosen.label(), chosen.label() + " has " + blockers
                        + (blockers == 1 ? " blocker" : " blockers") + ", the first: "
                        + review.blockers().stream().filter(b -> b.wave() == wave).findFirst().orElseThrow().message());
                return;
            }
        }
        String question = switch (action) {
            case DRY_RUN -> "Dry-run " + chosen.label() + " (" + chosen.members().size() + " objects) against "
                    + where + "? The server checks every object; nothing is written.";
            case APPLY -> "Apply " + chosen.label() + " (" + chosen.members().size() + " objects) to " + where
                    + "? Objects are written in order and waited for; a rollback can undo it.";
            case ROLLBACK -> "Roll back " + chosen.label() + " on " + where + "? Objects it created are deleted and "
                    + "objects it changed are restored from the journal.";
            case STATUS -> "Check " + chosen.label() + " against " + where + "? This only reads.";
        };
        if (action == Action.STATUS) {
            run(action, wave);
            return;
        }
        confirmation.set(new ClusterConfirmation(action, wave, action.verb() + " " + chosen.label(), question));
    }

    /** The user said yes. */
    public void confirm() {
        ClusterConfirmation asked = confirmation.get();
        confirmation.set(null);
        if (asked != null) {
            run(asked.action(), asked.wave());
        }
    }

    public void dismiss() {
        confirmation.set(null);
    }

    /** Stops the running action between two objects; the journal stays consistent. */
    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    private void run(Action action, int number) {
        TargetCluster target = state.targetClusterProperty().get();
        ReviewSnapshot review = state.review();
        Wave wave = review.plan().orElseThrow().wave(number).orElseThrow();
        List<KubeObject> members = wave.members().stream().map(review::proposed).flatMap(Optional::stream).toList();
        String sourceServer = state.sourceProperty().get() == null ? null : state.sourceProperty().get().server();
        WaveRequest request = new WaveRequest(number, members, review.session().folder(),
                state.secretValuesProperty().get(), sourceServer);
        objects.clear();
        rowOf.clear();
        log.clear();
        progress.set(0);
        outcome.set("");
        startedAt.set(clock.instant());
        finishedAt.set(null);
        running.set(true);
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        UiBatcher<Update> batcher = new UiBatcher<>(context.runner().ui(), this::show);
        WaveListener listener = new WaveListener() {
            @Override
            public void onObject(ObjectEvent event) {
                batcher.add(new Update(event, null));
            }

            @Override
            public void onMessage(String message) {
                batcher.add(new Update(null, message));
            }
        };
        String title = action.verb() + " " + wave.label() + " on " + target.info().context();
        log.add(title);
        String connectedSource = sourceServer;
        context.runner().run(title, task -> {
            if (action != Action.STATUS) {
                Optional<String> refusal = guard.refusal(target.info(), connectedSource,
                        review.session().manifest(), action.verb().toLowerCase(java.util.Locale.ROOT));
                if (refusal.isPresent()) {
                    throw new IllegalStateException(refusal.get());
                }
            }
            return switch (action) {
            case DRY_RUN -> describe(new WaveApplier(target, ApplyOptions.defaults().withDryRunOnly(true), listener,
                    cancel).apply(request));
            case APPLY -> describe(new WaveApplier(target, ApplyOptions.defaults(), listener, cancel).apply(request));
            case ROLLBACK -> describe(new WaveRollback(target, RollbackOptions.defaults(), listener, cancel)
                    .rollback(number, review.session().folder()));
            case STATUS -> status(new WaveStatusService(target).status(members), batcher);
            };
        }, summary -> finish(summary, false), failure -> {
            finish(action.verb() + " " + wave.label() + " failed: " + failure.getMessage(), true);
            context.errors().notify(action.verb() + " " + wave.label() + " failed", failure.getMessage());
        });
    }

    private record Update(ObjectEvent event, String message) {
    }

    private void show(List<Update> updates) {
        for (Update update : updates) {
            if (update.message() != null) {
                log.add(update.message());
                continue;
            }
            ObjectEvent event = update.event();
            boolean failed = switch (event.phase()) {
                case DRY_RUN_REJECTED, FAILED, NOT_READY, DIFFERS -> true;
                default -> false;
            };
            ObjectProgress line = new ObjectProgress(event.resource(), words(event.phase()), event.detail(), failed);
            Integer row = rowOf.get(event.resource());
            if (row == null) {
                rowOf.put(event.resource(), objects.size());
                objects.add(line);
            } else {
                objects.set(row, line);
            }
            log.add(event.toString());
            if (event.total() > 0) {
                progress.set((double) event.index() / event.total());
            }
            if (event.phase() == Phase.FAILED) {
                context.errors().notify(event.resource().toString(), event.detail());
            }
        }
    }

    private String status(List<ObjectStatus> statuses, UiBatcher<Update> batcher) {
        int ready = 0;
        for (ObjectStatus status : statuses) {
            if (status.state() == ObjectStatus.State.READY) {
                ready++;
            }
            batcher.add(new Update(new ObjectEvent(status.resource(), statusPhase(status.state()), status.detail(),
                    0, 0), null));
        }
        return ready + " of " + statuses.size() + " objects are on the target as applied and ready";
    }

    private static Phase statusPhase(ObjectStatus.State state) {
        return switch (state) {
            case READY -> Phase.READY;
            case APPLIED -> Phase.WAITING;
            case DRIFTED -> Phase.DIFFERS;
            case MISSING -> Phase.NOT_READY;
        };
    }

    private static String describe(WaveResult result) {
        return switch (result.outcome()) {
            case REJECTED -> "Dry run rejected " + result.rejections().size() + " objects; nothing was written. "
                    + first(result.rejections());
            case DRY_RUN_PASSED -> "Dry run passed: the target accepts every object of wave " + result.wave() + ".";
            case APPLIED -> "Applied wave " + result.wave() + ": " + result.applied() + " objects written"
                    + (result.resumed() > 0 ? ", " + result.resumed() + " already there" : "") + ", all ready.";
            case NOT_READY -> "Applied wave " + result.wave() + "; " + result.notReady().size()
                    + " objects not ready in time. " + first(result.notReady());
            case STOPPED -> "Stopped: " + result.stoppedBy().map(f -> f.resource() + ": " + f.message()).orElse("")
                    + " The journal is consistent: fix it and apply again, or roll back.";
            case CANCELLED -> "Cancelled between two objects; apply again to resume, or roll back.";
        };
    }

    private static String describe(RollbackResult result) {
        return "Rolled back wave " + result.wave() + ": " + result.deleted() + " deleted, " + result.restored()
                + " restored" + (result.skipped().isEmpty() ? "" : ", " + result.skipped().size() + " left as they are")
                + (result.verified() ? "; the target is as it was before the wave." : ".");
    }

    private static String first(List<Rejection> rejections) {
        return rejections.isEmpty() ? "" : "First: " + rejections.get(0);
    }

    private static String words(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void finish(String summary, boolean failed) {
        running.set(false);
        finishedAt.set(clock.instant());
        if (!failed) {
            progress.set(1);
        }
        outcome.set(summary);
        log.add(summary);
        cancellation = null;
    }

    public ReadOnlyObjectProperty<ClusterConfirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** The objects of the running (or last) action, each with its latest phase. */
    public ObservableList<ObjectProgress> objects() {
        return objectsView;
    }

    /** Every event and message, in order. */
    public ObservableList<String> log() {
        return logView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How the last action ended, for the user. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> startedAtProperty() {
        return startedAt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> finishedAtProperty() {
        return finishedAt.getReadOnlyProperty();
    }
}
