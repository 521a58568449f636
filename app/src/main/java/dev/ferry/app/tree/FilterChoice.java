package dev.ferry.app.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

/** A filter combo box entry: a value (null for "any") and its label. Binds a combo box to a view-model property. */
record FilterChoice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }

    /** Fills {@code combo} with "any" plus {@code values} and keeps it and {@code property} in step both ways. */
    static <T> void bind(ComboBox<FilterChoice<T>> combo, String anyLabel, ObservableList<T> values,
                         Function<T, String> label, ObjectProperty<T> property) {
        Runnable fill = () -> {
            List<FilterChoice<T>> items = new ArrayList<>();
            items.add(new FilterChoice<>(null, anyLabel));
            for (T value : values) {
                items.add(new FilterChoice<>(value, label.apply(value)));
            }
            combo.getItems().setAll(items);
            select(combo, property.get());
        };
        fill.run();
        values.addListener((ListChangeListener<T>) change -> fill.run());
        combo.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !Objects.equals(now.value(), property.get())) {
                property.set(now.value());
            }
        });
        property.addListener((obs, old, now) -> select(combo, now));
    }

    private static <T> void select(ComboBox<FilterChoice<T>> combo, T value) {
        for (FilterChoice<T> item : combo.getItems()) {
            if (Objects.equals(item.value(), value)) {
                if (combo.getValue() != item) {
                    combo.setValue(item);
                }
                return;
            }
        }
        if (!combo.getItems().isEmpty()) {
            combo.setValue(combo.getItems().get(0));
        }
    }
}
