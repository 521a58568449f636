package dev.ferry.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.theme.Theme;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.review.ReviewStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();

    @Test
    void exportsAZipThatAReviewerApprovesAndTheirDecisionsMergeBack() throws Exception {
        WorkbenchContext context = TestContexts.synchronous(temp.resolve("config"), errors);
        MainViewModel model = new MainViewModel(context);
        ReviewSnapshot open = TestContexts.open(context, TestBundles.storeDemo(temp));
        Path zip = temp.resolve("for-bob.zip");

        model.exportZip(zip);
        assertThat(zip).isRegularFile();
        assertThat(model.statusProperty().get()).contains("Exported");
        try (ReviewSession bob = ReviewSession.open(zip)) {
            bob.execute(new ApproveCommand(ChangeSelection.all(), "bob", "looks right"));
        }
        List<String> reports = new ArrayList<>();
        model.mergeReviewerCopy(zip, reports::add);

        assertThat(reports).singleElement().asString().contains("decisions taken from for-bob.zip");
        assertThat(context.state().review().session().changes())
                .allMatch(c -> c.status() == ReviewStatus.APPROVED && c.decision().orElseThrow().by().equals("bob"));
        assertThat(context.state().review().pendingChanges()).isZero();
        open.session().close();
    }

    @Test
    void namesTheTamperedFilesInTheBanner() throws Exception {
        WorkbenchContext context = TestContexts.synchronous(temp.resolve("config"), errors);
        MainViewModel model = new MainViewModel(context);
        Path bundle = TestBundles.storeDemo(temp);
        Path settings = bundle.resolve("settings.yaml");
        Files.writeString(settings, Files.readString(settings) + "\n# edited by hand\n");

        ReviewSnapshot open = TestContexts.open(context, bundle);

        assertThat(model.tamperWarningProperty().get()).contains("settings.yaml").contains("changed");
        open.session().close();
    }

    @Test
    void themeAndReviewerNameAreRemembered() {
        WorkbenchContext context = TestContexts.synchronous(temp.resolve("config"), errors);
        MainViewModel model = new MainViewModel(context);

        model.toggleTheme();
        model.setReviewer("carol");

        assertThat(context.state().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(context.preferences().theme()).contains("DARK");
        assertThat(model.reviewerProperty().get()).isEqualTo("carol");
        assertThat(new dev.ferry.app.prefs.UserPreferences(temp.resolve("config")).reviewerName()).isEqualTo("carol");
    }

    @Test
    void theStatusBarSaysABundleInTheTemporaryFolderIsTemporaryAndShowsOtherPathsAsThey() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"), "ferry-demo-1", "bundle");
        assertThat(MainViewModel.where(temporary))
                .isEqualTo("Bundle bundle in a temporary folder (File → Export bundle as zip… keeps it)");
        Path kept = Path.of("/srv/migrations/shop");
        assertThat(MainViewModel.where(kept)).isEqualTo(kept.toString());
    }
}
