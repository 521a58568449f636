package dev.ferry.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.task.TaskProgress;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Finding;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.settings.SettingKey;
import dev.ferry.engine.settings.SettingsCatalog;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.review.ReviewedChange;
import dev.ferry.plan.settings.SettingsException;
import dev.ferry.plan.settings.SettingsFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings editor: a form over {@code settings.yaml} with one field per key the engine's {@code SettingsCatalog}
 * lists for the chosen direction, the keys the review's findings ask for marked missing, every value checked as it
 * is typed. Saving proposes the bundle again with the new settings (off the FX thread, through the same path the app
 * proposes with) and opens the result, the review carried over.
 */
public final class SettingsEditorViewModel {

    /** Proposes the open bundle again with new settings and returns the reopened review. Runs in the background. */
    @FunctionalInterface
    public interface Reproposer {
        ReviewSnapshot repropose(ReviewSnapshot review, MigrationSettings settings, String by, TaskProgress progress)
                throws Exception;
    }

    private final WorkbenchContext context;
    private final Reproposer reproposer;
    private final ReviewSnapshot review;
    private final ObjectNode original;
    private final Map<String, Integer> askedFor;
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction");
    private final ObservableList<SettingField> fields = FXCollections.observableArrayList();
    private final ObservableList<SettingField> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper(this, "yaml", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved", false);
    private final Map<String, String> typed = new HashMap<>();

    public SettingsEditorViewModel(WorkbenchContext context, Reproposer reproposer) {
        this.context = context;
        this.reproposer = reproposer;
        this.review = context.state().review();
        MigrationSettings settings = review == null ? MigrationSettings.empty(Direction.AKS_TO_EKS) : review.settings();
        this.original = settings.tree();
        this.askedFor = review == null ? Map.of() : askedFor(review);
        direction.addListener((obs, old, now) -> buildFields());
        direction.set(settings.direction());
    }

    /** Settings key → how many findings of the review ask for it. */
    private static Map<String, Integer> askedFor(ReviewSnapshot review) {
        Map<String, Integer> asked = new TreeMap<>();
        for (var row : review.rows()) {
            for (ReviewedChange change : review.changesFor(row.key())) {
                for (Finding finding : change.change().findings()) {
                    if (!finding.settingKey().isEmpty()) {
                        asked.merge(finding.settingKey(), 1, Integer::sum);
                    }
                }
            }
        }
        return asked;
    }

    private void buildFields() {
        fields.forEach(f -> typed.put(f.path(), f.text()));
        Direction chosen = direction.get() == null ? Direction.AKS_TO_EKS : direction.get();
        boolean sameAsReview = review != null && chosen == review.direction();
        List<SettingField> built = new ArrayList<>();
        for (SettingKey key : SettingsCatalog.keys(chosen)) {
            if (key.path().equals("direction")) {
                continue;
            }
            String initial = typed.containsKey(key.path()) ? typed.get(key.path())
                    : SettingRules.text(at(original, key.path()));
            SettingField field = new SettingField(key, chosen,
                    sameAsReview ? askedFor.getOrDefault(key.path(), 0) : 0, initial);
            for (Observable input : List.of(field.valueProperty(), field.problemProperty())) {
                input.addListener(o -> refresh());
            }
            built.add(field);
        }
        // what the findings ask for first, then what has no default, then the rest, each in catalog order
        built.sort(java.util.Comparator.comparingInt((SettingField f) -> f.askedBy() > 0 ? 0 : f.missingProperty()
                .get() ? 1 : 2));
        fields.setAll(built);
        refresh();
    }

    private void refresh() {
        List<String> missing = new ArrayList<>();
        int asked = 0;
        boolean allValid = true;
        for (SettingField field : fields) {
            if (field.missingProperty().get()) {
                missing.add(field.path());
                if (field.askedBy() > 0) {
                    asked++;
                }
            }
            allValid &= field.problemProperty().get().isEmpty();
        }
        if (missing.isEmpty()) {
            summary.set("Nothing is missing for " + direction.get().id() + ".");
        } else {
            summary.set(missing.size() + (missing.size() == 1 ? " setting is" : " settings are") + " missing for "
                    + direction.get().id() + (asked > 0 ? " (" + asked + " asked for by the review's findings)" : "")
                    + ": " + String.join(", ", missing.subList(0, Math.min(6, missing.size())))
                    + (missing.size() > 6 ? " and " + (missing.size() - 6) + " more" : "") + ".");
        }
        String text = "";
        String whole = "";
        if (allValid) {
            text = Yaml.write(tree());
            try {
                SettingsFile.Loaded loaded = SettingsFile.parse("settings.yaml", text);
                whole = String.join("; ", loaded.warnings());
            } catch (SettingsException e) {
                allValid = false;
                whole = e.getMessage();
            }
        } else {
            whole = "Fix the values marked in red to save.";
        }
        yaml.set(text);
        problem.set(whole);
        valid.set(allValid);
        dirty.set(allValid && !tree().equals(original));
    }

    /** The settings as the form holds them: the original file, the direction and every field (blank ones left out). */
    ObjectNode tree() {
        ObjectNode tree = original.deepCopy();
        Direction chosen = direction.get() == null ? Direction.AKS_TO_EKS : direction.get();
        tree.put("direction", chosen.id());
        for (SettingField field : fields) {
            String value = field.text();
            if (value.isBlank()) {
                remove(tree, field.path());
            } else if (field.problemProperty().get().isEmpty()) {
                put(tree, field.path(), SettingRules.node(field.key(), value));
            }
        }
        return tree;
    }

    public MigrationSettings settings() {
        return MigrationSettings.of(tree());
    }

    /**
     * Proposes the bundle again with these settings and opens the result; does nothing while the form is invalid or
     * unchanged, or while a save runs.
     */
    public void save() {
        if (!valid.get() || !dirty.get() || saving.get() || review == null) {
            return;
        }
        MigrationSettings settings = settings();
        String by = context.preferences().reviewerName();
        saving.set(true);
        problem.set("");
        context.runner().run("Proposing " + review.name() + " again with the new settings",
                progress -> reproposer.repropose(review, settings, by, progress), snapshot -> {
                    saving.set(false);
                    if (snapshot != null) {
                        context.state().setReview(snapshot);
                        saved.set(true);
                    }
                }, failure -> {
                    saving.set(false);
                    problem.set("Not saved: " + failure.getMessage());
                    if (!(failure instanceof dev.ferry.plan.bundle.BundleException)) {
                        context.errors().unexpected("Proposing again with the new settings", failure);
                    }
                });
    }

    private static JsonNode at(JsonNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static void put(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode tree, String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        List<ObjectNode> chain = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(node.get(parts[i]) instanceof ObjectNode child)) {
                return;
            }
            chain.add(node);
            node = child;
        }
        node.remove(parts[parts.length - 1]);
        for (int i = chain.size() - 1; i >= 0 && node.isEmpty(); i--) {
            chain.get(i).remove(parts[i]);
            node = chain.get(i);
        }
    }

    /** The direction the form is for; changing it shows that direction's keys, keeping what was typed. */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /** One field per key of the chosen direction: asked for by findings first, then those without a default. */
    public ObservableList<SettingField> fields() {
        return fieldsView;
    }

    /** The field of {@code path}, for tests and the view. */
    public java.util.Optional<SettingField> field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** What is missing, in one line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the form cannot be saved, warnings about the file, or why the last save failed; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** {@code settings.yaml} as it will be written. */
    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when the form differs from the bundle's settings and is valid. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** How far the running task (proposing again) is, 0 to 1; negative while it cannot tell. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return context.runner().progressProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True once a save has proposed the bundle again and the new review is open. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
