package dev.ferry.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiffViewModelTest {

    private final DiffViewModel model = new DiffViewModel();
    private final List<String> saved = new ArrayList<>();

    @BeforeEach
    void loadTheIngress() {
        model.setOnEdit(saved::add);
        model.load("Source (AKS)", "Proposed (EKS)", Fixtures.agicIngress(), Fixtures.albIngress());
    }

    private void diff() {
        model.diffReady(LineDiffer.diff(model.sourceTextProperty().get(), model.proposedTextProperty().get()));
    }

    private void type(String text) {
        model.textChanged(text);
        model.editChecked(text, model.validate(text));
    }

    @Test
    void saysItIsComparingUntilTheDiffArrives() {
        assertThat(model.changeIndicatorProperty().get()).isEqualTo("comparing…");
        diff();
        assertThat(model.changeIndicatorProperty().get()).isEqualTo("3 changes");
        assertThat(model.currentChangeProperty().get()).isEqualTo(-1);
    }

    @Test
    void navigatesChangesAndStopsAtTheEnds() {
        diff();

        model.next();
        assertThat(model.changeIndicatorProperty().get()).isEqualTo("change 1 of 3");
        model.next();
        model.next();
        model.next();
        assertThat(model.changeIndicatorProperty().get()).isEqualTo("change 3 of 3");
        assertThat(model.currentHunk()).get().extracting(Hunk::kind).isEqualTo(Hunk.Kind.REMOVED);
        model.previous();
        assertThat(model.currentChangeProperty().get()).isEqualTo(1);
        model.previous();
        model.previous();
        assertThat(model.currentChangeProperty().get()).isZero();
    }

    @Test
    void previousFromNoSelectionGoesToTheLastChange() {
        diff();
        model.previous();
        assertThat(model.changeIndicatorProperty().get()).isEqualTo("change 3 of 3");
    }

    @Test
    void saysNoChangesForIdenticalTexts() {
        model.load("a", "b", Fixtures.albIngress(), Fixtures.albIngress());
        diff();
        model.next();
        assertThat(model.changeIndicatorProperty().get()).isEqualTo("no changes");
        assertThat(model.currentHunk()).isEmpty();
    }

    @Test
    void anInvalidEditShowsItsLineAndCannotBeSaved() {
        model.editAllowedProperty().set(true);
        diff();

        type(Fixtures.albIngress().replace("  labels:\n", "  labels: [oops\n"));

        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.editErrorProperty().get()).matches("Line 1[45]: malformed YAML.*");
        assertThat(model.save()).isFalse();
        assertThat(saved).isEmpty();
    }

    @Test
    void aValidEditIsOfferedOnlyOnSave() {
        model.editAllowedProperty().set(true);
        String edited = Fixtures.albIngress().replace("target-type: ip", "target-type: instance");

        type(edited);

        assertThat(saved).isEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();
        assertThat(model.editErrorProperty().get()).isEmpty();
        assertThat(model.save()).isTrue();
        assertThat(saved).containsExactly(edited);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.proposedTextProperty().get()).isEqualTo(edited);
    }

    @Test
    void anEditCannotBeSavedWhileItsCheckIsPendingOrWhenEditingIsOff() {
        String edited = Fixtures.albIngress().replace("target-type: ip", "target-type: instance");
        model.editAllowedProperty().set(true);
        model.textChanged(edited);
        assertThat(model.canSaveProperty().get()).isFalse();

        model.editChecked("an older text", EditValidation.OK);
        assertThat(model.checkingProperty().get()).isTrue();

        model.editChecked(edited, model.validate(edited));
        assertThat(model.canSaveProperty().get()).isTrue();
        model.editAllowedProperty().set(false);
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void revertRestoresTheProposedText() {
        model.editAllowedProperty().set(true);
        type("kind: [broken");

        String restored = model.revert();

        assertThat(restored).isEqualTo(Fixtures.albIngress());
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.editErrorProperty().get()).isEmpty();
    }

    @Test
    void aSecretIsShownWithoutValuesWithANote() {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: aHVudGVyMg==\n";

        model.load("Source (AKS)", "Proposed (EKS)", secret, secret);

        assertThat(model.secretProperty().get()).isTrue();
        assertThat(model.sourceTextProperty().get()).doesNotContain("aHVudGVyMg==").contains("value-digests");
        assertThat(model.proposedTextProperty().get()).doesNotContain("aHVudGVyMg==");
        assertThat(model.secretNoteProperty().get()).contains("password");
    }

    @Test
    void refusesToSaveValuesIntoASecret() {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n";
        model.load("Source (AKS)", "Proposed (EKS)", secret, secret);
        model.editAllowedProperty().set(true);

        type(secret + "stringData:\n  password: hunter2\n");

        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.editErrorProperty().get()).startsWith("Line 5:").contains("cannot hold `stringData`")
                .doesNotContain("hunter2");
    }
}
