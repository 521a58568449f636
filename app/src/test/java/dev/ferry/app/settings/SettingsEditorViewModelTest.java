package dev.ferry.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.live.Reproposal;
import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.SettingKey;
import dev.ferry.engine.settings.SettingsCatalog;
import dev.ferry.model.KubeObject;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsEditorViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();
    private WorkbenchContext context;

    @BeforeEach
    void open() throws Exception {
        context = TestContexts.synchronous(temp.resolve("config"), errors);
        TestContexts.open(context, TestBundles.generated(temp, 60));
    }

    @AfterEach
    void close() {
        if (context.state().review() != null) {
            context.state().review().session().close();
        }
    }

    private SettingsEditorViewModel editor() {
        Reproposal reproposal = new Reproposal(Clock.systemUTC(), new ReviewLoader());
        return new SettingsEditorViewModel(context,
                (review, settings, by, progress) -> reproposal.repropose(review.session(), settings, by, progress));
    }

    @Test
    void offersEveryCatalogKeyOfTheDirectionAndMarksWhatTheFindingsAskForAsMissing() {
        SettingsEditorViewModel editor = editor();

        assertThat(editor.fields()).extracting(SettingField::path).containsExactlyInAnyOrderElementsOf(
                SettingsCatalog.keys(Direction.AKS_TO_EKS).stream().map(SettingKey::path)
                        .filter(p -> !p.equals("direction")).toList());
        SettingField account = editor.field("aws.accountId").orElseThrow();
        assertThat(account.askedBy()).isPositive();
        assertThat(account.missingProperty().get()).isTrue();
        assertThat(editor.fields().get(0).askedBy()).isPositive();
        assertThat(editor.summaryProperty().get()).contains("aws.accountId").contains("missing for aks-to-eks");
        assertThat(editor.field("identity.roleNamePattern").orElseThrow().missingProperty().get()).isFalse();
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void checksEachValueAsItIsTyped() {
        SettingsEditorViewModel editor = editor();
        SettingField account = editor.field("aws.accountId").orElseThrow();
        SettingField zones = editor.field("zones").orElseThrow();
        SettingField mode = editor.field("identity.mode").orElseThrow();

        account.valueProperty().set("1234");
        assertThat(account.problemProperty().get()).contains("12 digits");
        assertThat(editor.validProperty().get()).isFalse();
        account.valueProperty().set("111122223333");
        assertThat(account.problemProperty().get()).isEmpty();
        zones.valueProperty().set("{westeurope-1: eu-west-1a");
        assertThat(zones.problemProperty().get()).contains("Not a YAML mapping");
        zones.valueProperty().set("{westeurope-1: eu-west-1a}");
        mode.valueProperty().set("magic");
        assertThat(mode.problemProperty().get()).contains("irsa").contains("pod-identity");
        mode.valueProperty().set("pod-identity");

        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.settings().text("aws.accountId")).contains("111122223333");
        assertThat(editor.settings().map("zones")).containsEntry("westeurope-1", "eu-west-1a");
        assertThat(editor.settings().text("identity.mode")).contains("pod-identity");
        assertThat(editor.yamlProperty().get()).contains("111122223333").contains("eu-west-1a");
        assertThat(account.missingProperty().get()).isFalse();
    }

    @Test
    void anotherDirectionShowsItsOwnKeysAndKeepsWhatWasTyped() {
        SettingsEditorViewModel editor = editor();
        editor.field("aws.accountId").orElseThrow().valueProperty().set("111122223333");

        editor.directionProperty().set(Direction.EKS_TO_AKS);
        assertThat(editor.field("azure.subscriptionId")).isPresent();
        assertThat(editor.field("keyVault.names")).isPresent();
        assertThat(editor.field("aws.accountId")).isEmpty();
        assertThat(editor.field("ingress.controller").orElseThrow().choices()).contains("agic", "agc");
        editor.directionProperty().set(Direction.AKS_TO_EKS);

        assertThat(editor.field("aws.accountId").orElseThrow().valueProperty().get()).isEqualTo("111122223333");
    }

    @Test
    void savingProposesTheBundleAgainWithTheNewSettingsAndOpensIt() throws Exception {
        ReviewSnapshot before = context.state().review();
        String imageBefore = frontImage(before);
        SettingsEditorViewModel editor = editor();
        editor.field("aws.accountId").orElseThrow().valueProperty().set("111122223333");
        editor.field("aws.region").orElseThrow().valueProperty().set("eu-west-1");

        editor.save();

        ReviewSnapshot after = context.state().review();
        assertThat(errors.unexpected).isEmpty();
        assertThat(editor.savedProperty().get()).isTrue();
        assertThat(after).isNotSameAs(before);
        assertThat(after.settings().text("aws.accountId")).contains("111122223333");
        assertThat(imageBefore).doesNotContain("111122223333");
        assertThat(frontImage(after)).startsWith("111122223333.dkr.ecr.eu-west-1.amazonaws.com/");
        assertThat(after.location().resolve("settings.yaml")).content().contains("111122223333");
        assertThat(after.verification().intact()).isTrue();
    }

    @Test
    void anInvalidOrUnchangedFormIsNotSaved() {
        ReviewSnapshot before = context.state().review();
        SettingsEditorViewModel editor = editor();
        editor.save();
        editor.field("aws.accountId").orElseThrow().valueProperty().set("not-an-account");
        editor.save();

        assertThat(context.state().review()).isSameAs(before);
        assertThat(editor.savedProperty().get()).isFalse();
        assertThat(editor.problemProperty().get()).contains("Fix the values");
    }

    private static String frontImage(ReviewSnapshot review) {
        KubeObject deployment = review.rows().stream().filter(r -> r.key().kind().equals("Deployment"))
                .filter(r -> review.source(r.key()).map(o -> o.at("/spec/template/spec/containers/0/image").asText()
                        .contains(".azurecr.io/")).orElse(false))
                .map(r -> review.proposed(r.key())).flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        return deployment.at("/spec/template/spec/containers/0/image").asText();
    }
}
