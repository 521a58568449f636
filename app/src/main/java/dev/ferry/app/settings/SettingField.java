package dev.ferry.app.settings;

import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.SettingKey;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One key of the settings form: what the catalog says about it, the value as typed, whether it is valid, and whether
 * it is missing (blank while a finding asks for it or it has no default).
 */
public final class SettingField {

    private final SettingKey key;
    private final Direction direction;
    private final int askedBy;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper missing = new ReadOnlyBooleanWrapper(this, "missing");

    SettingField(SettingKey key, Direction direction, int askedBy, String initial) {
        this.key = key;
        this.direction = direction;
        this.askedBy = askedBy;
        value.addListener(o -> check());
        value.set(initial);
        check();
    }

    private void check() {
        problem.set(SettingRules.problem(key, direction, text()).orElse(""));
        missing.set(text().isBlank() && (askedBy > 0 || key.defaultValue().isBlank()));
    }

    /** The value as typed, never null. */
    public String text() {
        return value.get() == null ? "" : value.get();
    }

    /** The dotted path, for example {@code aws.accountId}. */
    public String path() {
        return key.path();
    }

    public String description() {
        return key.description();
    }

    /** What Ferry uses when the key is left blank; empty when a blank key yields an action-required finding. */
    public String defaultValue() {
        return key.defaultValue();
    }

    public String example() {
        return key.example();
    }

    /** True when the key takes a mapping ({@code {a: b}}) rather than one value. */
    public boolean mapping() {
        return SettingRules.isMapping(key);
    }

    /** The values the key accepts, when it has a fixed set. */
    public List<String> choices() {
        return SettingRules.choices(key, direction);
    }

    /** How many findings of the open review ask for this key (0 when none, or for another direction). */
    public int askedBy() {
        return askedBy;
    }

    /** The value as typed; blank leaves the key out of {@code settings.yaml}. */
    public StringProperty valueProperty() {
        return value;
    }

    /** Why the value is not valid, checked as the user types; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    SettingKey key() {
        return key;
    }
}
