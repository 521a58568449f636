package dev.ferry.app.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * State of a side-by-side diff: the texts shown (Secrets redacted), the changes and which one is current, and the
 * hand edit of the proposed side (dirty, validation, whether it may be saved). FX-thread confined; the view does
 * the diffing and validating in the background and reports results with {@link #diffReady} and
 * {@link #editChecked}.
 */
public final class DiffViewModel {

    private final EditValidator validator;
    private final ReadOnlyStringWrapper sourceTitle = new ReadOnlyStringWrapper(this, "sourceTitle", "Source");
    private final ReadOnlyStringWrapper proposedTitle = new ReadOnlyStringWrapper(this, "proposedTitle", "Proposed");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyStringWrapper proposedText = new ReadOnlyStringWrapper(this, "proposedText", "");
    private final ReadOnlyObjectWrapper<DiffResult> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyIntegerWrapper changeCount = new ReadOnlyIntegerWrapper(this, "changeCount");
    private final ReadOnlyIntegerWrapper currentChange = new ReadOnlyIntegerWrapper(this, "currentChange", -1);
    private final ReadOnlyStringWrapper changeIndicator = new ReadOnlyStringWrapper(this, "changeIndicator", "");
    private final ReadOnlyBooleanWrapper secret = new ReadOnlyBooleanWrapper(this, "secret");
    private final ReadOnlyStringWrapper secretNote = new ReadOnlyStringWrapper(this, "secretNote", "");
    private final BooleanProperty editAllowed = new SimpleBooleanProperty(this, "editAllowed");
    private final BooleanProperty renameAllowed = new SimpleBooleanProperty(this, "renameAllowed");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyObjectWrapper<EditValidation> validation =
            new ReadOnlyObjectWrapper<>(this, "validation", EditValidation.OK);
    private final ReadOnlyStringWrapper editError = new ReadOnlyStringWrapper(this, "editError", "");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private String editedText = "";
    private Consumer<String> onEdit = yaml -> { };

    public DiffViewModel() {
        this(new EditValidator());
    }

    public DiffViewModel(EditValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        validation.addListener((obs, old, now) -> editError.set(now.display()));
        editAllowed.addListener(obs -> updateCanSave());
    }

    /**
     * Shows a new pair of texts: resets the changes, the current change and any unsaved edit. A Secret's values,
     * if present, are replaced by their digests before anything is shown.
     */
    public void load(String sourceTitle, String proposedTitle, String source, String proposed) {
        this.sourceTitle.set(sourceTitle);
        this.proposedTitle.set(proposedTitle);
        boolean isSecret = SecretMask.isSecret(source) || SecretMask.isSecret(proposed);
        String shownSource = isSecret ? SecretMask.redact(source) : source;
        String shownProposed = isSecret ? SecretMask.redact(proposed) : proposed;
        secret.set(isSecret);
        secretNote.set(isSecret ? SecretMask.note(proposed.isBlank() ? source : proposed) : "");
        sourceText.set(shownSource);
        proposedText.set(shownProposed);
        editedText = shownProposed;
        diff.set(null);
        changeCount.set(0);
        currentChange.set(-1);
        dirty.set(false);
        checking.set(false);
        validation.set(EditValidation.OK);
        updateCanSave();
        updateIndicator();
    }

    /** A diff of the texts shown finished computing; the current change is kept when it still exists. */
    public void diffReady(DiffResult result) {
        diff.set(result);
        changeCount.set(result.changeCount());
        if (currentChange.get() >= result.changeCount()) {
            currentChange.set(result.changeCount() - 1);
        }
        updateIndicator();
    }

    /** Moves to the next change (the first when none is current); stays on the last. */
    public void next() {
        if (changeCount.get() > 0) {
            currentChange.set(Math.min(currentChange.get() + 1, changeCount.get() - 1));
            updateIndicator();
        }
    }

    /** Moves to the previous change (the last when none is current); stays on the first. */
    public void previous() {
        if (changeCount.get() > 0) {
            int current = currentChange.get();
            currentChange.set(current < 0 ? changeCount.get() - 1 : Math.max(current - 1, 0));
            updateIndicator();
        }
    }

    public Optional<Hunk> currentHunk() {
        DiffResult result = diff.get();
        int index = currentChange.get();
        return result == null || index < 0 || index >= result.hunks().size()
                ? Optional.empty() : Optional.of(result.hunks().get(index));
    }

    /** The user typed: the edit is dirty when it differs from the proposed text, and unsaveable until checked. */
    public void textChanged(String text) {
        editedText = text;
        dirty.set(!text.equals(proposedText.get()));
        checking.set(true);
        updateCanSave();
    }

    /** Validates {@code text} against the proposed object; pure, for the view's background work. */
    public EditValidation validate(String text) {
        return validator.validate(proposedText.get(), text, renameAllowed.get());
    }

    /** The background check of {@code text} finished; ignored when the user has typed since. */
    public void editChecked(String text, EditValidation result) {
        if (!text.equals(editedText)) {
            return;
        }
        checking.set(false);
        validation.set(text.equals(proposedText.get()) ? EditValidation.OK : result);
        updateCanSave();
    }

    /**
     * Offers the edit to the owner ({@link #setOnEdit}) when it is valid and dirty; the edit becomes the new
     * proposed text. Returns whether it was offered.
     */
    public boolean save() {
        if (!canSave.get()) {
            return false;
        }
        String saved = editedText;
        onEdit.accept(saved);
        proposedText.set(saved);
        dirty.set(false);
        updateCanSave();
        return true;
    }

    /** Drops the edit; returns the proposed text to show again. */
    public String revert() {
        editedText = proposedText.get();
        dirty.set(false);
        checking.set(false);
        validation.set(EditValidation.OK);
        updateCanSave();
        return editedText;
    }

    /** Called with the edited YAML on {@link #save()}; the owner records it (e.g. as a {@code manual} change). */
    public void setOnEdit(Consumer<String> onEdit) {
        this.onEdit = onEdit == null ? yaml -> { } : onEdit;
    }

    public String editedText() {
        return editedText;
    }

    private void updateCanSave() {
        canSave.set(editAllowed.get() && dirty.get() && !checking.get() && validation.get().valid());
    }

    private void updateIndicator() {
        int count = changeCount.get();
        if (diff.get() == null) {
            changeIndicator.set("comparing…");
        } else if (count == 0) {
            changeIndicator.set("no changes");
        } else if (currentChange.get() < 0) {
            changeIndicator.set(count == 1 ? "1 change" : count + " changes");
        } else {
            changeIndicator.set("change " + (currentChange.get() + 1) + " of " + count);
        }
    }

    public ReadOnlyStringProperty sourceTitleProperty() {
        return sourceTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty proposedTitleProperty() {
        return proposedTitle.getReadOnlyProperty();
    }

    /** The source text as shown (a Secret without values). */
    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** The proposed text as shown, and the baseline an edit is compared with (updated by {@link #save()}). */
    public ReadOnlyStringProperty proposedTextProperty() {
        return proposedText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DiffResult> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty changeCountProperty() {
        return changeCount.getReadOnlyProperty();
    }

    /** Index of the current change, -1 when none. */
    public ReadOnlyIntegerProperty currentChangeProperty() {
        return currentChange.getReadOnlyProperty();
    }

    /** "change 2 of 5", "5 changes", "no changes" or "comparing…". */
    public ReadOnlyStringProperty changeIndicatorProperty() {
        return changeIndicator.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty secretProperty() {
        return secret.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretNoteProperty() {
        return secretNote.getReadOnlyProperty();
    }

    /** Whether the proposed side may be edited; set by the owner. */
    public BooleanProperty editAllowedProperty() {
        return editAllowed;
    }

    /** Whether an edit may change kind, name or namespace; off by default. */
    public BooleanProperty renameAllowedProperty() {
        return renameAllowed;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True while an edit waits for its check. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EditValidation> validationProperty() {
        return validation.getReadOnlyProperty();
    }

    /** The validation message with its line, empty when the edit is valid. */
    public ReadOnlyStringProperty editErrorProperty() {
        return editError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    List<Hunk> hunks() {
        return diff.get() == null ? List.of() : diff.get().hunks();
    }
}
