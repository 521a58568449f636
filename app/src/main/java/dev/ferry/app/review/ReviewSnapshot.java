package dev.ferry.app.review;

import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.Bundle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the workbench shows of an open review, computed off the FX thread and immutable, so every view reads
 * one consistent state. A new snapshot replaces the old one after each command.
 */
public final class ReviewSnapshot {

    private final Path location;
    private final boolean fromZip;
    private final Bundle.Verification verification;
    private final Direction direction;
    private final MigrationSettings settings;
    private final List<ObjectRow> rows;
    private final Map<ResourceKey, ObjectRow> rowIndex;
    private final Map<ResourceKey, KubeObject> source;
    private final Map<ResourceKey, KubeObject> proposed;
    private final Map<ResourceKey, List<ChangeReview>> changes;
    private final Map<String, String> artifacts;
    private final String report;

    public ReviewSnapshot(Path location, boolean fromZip, Bundle.Verification verification, Direction direction,
                          MigrationSettings settings, List<ObjectRow> rows, Map<ResourceKey, KubeObject> source,
                          Map<ResourceKey, KubeObject> proposed, Map<ResourceKey, List<ChangeReview>> changes,
                          Map<String, String> artifacts, String report) {
        this.location = location;
        this.fromZip = fromZip;
        this.verification = verification;
        this.direction = direction;
        this.settings = settings;
        this.rows = List.copyOf(rows);
        Map<ResourceKey, ObjectRow> index = new HashMap<>(rows.size() * 2);
        for (ObjectRow row : rows) {
            index.put(row.key(), row);
        }
        this.rowIndex = index;
        this.source = Map.copyOf(source);
        this.proposed = Map.copyOf(proposed);
        this.changes = Map.copyOf(changes);
        this.artifacts = Map.copyOf(artifacts);
        this.report = report == null ? "" : report;
    }

    public Path location() {
        return location;
    }

    /** The bundle's name, for titles. */
    public String name() {
        return location.getFileName() == null ? location.toString() : location.getFileName().toString();
    }

    public boolean fromZip() {
        return fromZip;
    }

    public Bundle.Verification verification() {
        return verification;
    }

    public Direction direction() {
        return direction;
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** Every object, sorted by namespace, kind and name: the tree's flat index. */
    public List<ObjectRow> rows() {
        return rows;
    }

    public Optional<ObjectRow> row(ResourceKey key) {
        return Optional.ofNullable(rowIndex.get(key));
    }

    public Optional<KubeObject> source(ResourceKey key) {
        return Optional.ofNullable(source.get(key));
    }

    public Optional<KubeObject> proposed(ResourceKey key) {
        return Optional.ofNullable(proposed.get(key));
    }

    public List<ChangeReview> changesFor(ResourceKey key) {
        return changes.getOrDefault(key, List.of());
    }

    public Map<String, String> artifacts() {
        return artifacts;
    }

    /** The bundle's {@code report.md}; empty when it has none. */
    public String report() {
        return report;
    }
}
