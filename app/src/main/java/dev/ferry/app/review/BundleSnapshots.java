package dev.ferry.app.review;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.sanitize.Exclusion;
import dev.ferry.plan.bundle.Bundle;
import dev.ferry.plan.bundle.BundleLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Builds a read-only {@link ReviewSnapshot} from a bundle read from disk, where every change is still pending. */
public final class BundleSnapshots {

    private BundleSnapshots() {
    }

    public static ReviewSnapshot of(Bundle bundle) {
        Map<ResourceKey, KubeObject> source = index(bundle.source());
        Map<ResourceKey, KubeObject> proposed = index(bundle.proposed());
        Map<ResourceKey, List<ChangeReview>> changes = new HashMap<>();
        for (Change change : bundle.changes()) {
            changes.computeIfAbsent(change.resource(), k -> new ArrayList<>()).add(ChangeReview.pending(change));
        }
        Map<ResourceKey, ObjectStatus> statuses = statuses(bundle, source.keySet());
        List<ObjectRow> rows = ObjectRows.build(source.keySet(), proposed.keySet(), statuses, bundle.changes(),
                c -> Approval.PENDING, bundle.excluded());
        return new ReviewSnapshot(bundle.root(), false, bundle.verification(), bundle.settings().direction(),
                bundle.settings(), rows, source, proposed, changes, bundle.artifacts(), report(bundle.root()));
    }

    static Map<ResourceKey, KubeObject> index(List<KubeObject> objects) {
        Map<ResourceKey, KubeObject> index = new HashMap<>(objects.size() * 2);
        for (KubeObject object : objects) {
            index.put(object.key(), object);
        }
        return index;
    }

    /** The statuses the engine's proposal reports (the stronger wins, in enum order), recomputed from the changes. */
    static Map<ResourceKey, ObjectStatus> statuses(Bundle bundle, Iterable<ResourceKey> sourceKeys) {
        Map<ResourceKey, ObjectStatus> statuses = new HashMap<>();
        for (ResourceKey key : sourceKeys) {
            statuses.put(key, ObjectStatus.UNCHANGED);
        }
        for (Change change : bundle.changes()) {
            ObjectStatus status = statusOf(change);
            statuses.merge(change.resource(), status, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
        }
        for (Exclusion exclusion : bundle.excluded()) {
            statuses.putIfAbsent(exclusion.resource(), ObjectStatus.EXCLUDED);
        }
        return statuses;
    }

    private static ObjectStatus statusOf(Change change) {
        if (change.needsAction()) {
            return ObjectStatus.NEEDS_ACTION;
        }
        if (change.type() == ChangeType.GENERATE) {
            return ObjectStatus.GENERATED;
        }
        if (change.type() == ChangeType.DROP) {
            return ObjectStatus.DROPPED;
        }
        return change.patch().isEmpty() ? ObjectStatus.UNCHANGED : ObjectStatus.CHANGED;
    }

    private static String report(Path root) {
        Path file = root.resolve(BundleLayout.REPORT);
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            LoggerFactory.getLogger(BundleSnapshots.class).warn("Cannot read {}: {}", file, e.getMessage());
            return "";
        }
    }
}
