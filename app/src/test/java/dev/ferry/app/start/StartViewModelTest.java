package dev.ferry.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.live.DemoService;
import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.state.WorkbenchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();

    @Test
    void openingABundleShowsItAndRemembersIt() throws Exception {
        WorkbenchContext context = TestContexts.synchronous(temp.resolve("config"), errors);
        StartViewModel model = new StartViewModel(context, new ReviewLoader(), new DemoService());
        Path bundle = TestBundles.storeDemo(temp);

        model.open(bundle);

        assertThat(context.state().review()).isNotNull();
        assertThat(context.state().review().location()).isEqualTo(bundle.toAbsolutePath().normalize());
        assertThat(model.recentBundles()).containsExactly(bundle.toAbsolutePath().normalize());
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.openingProperty().get()).isFalse();
        context.state().review().session().close();
    }

    @Test
    void aFolderThatIsNotABundleSaysSoInlineAndOpensNothing() throws Exception {
        WorkbenchContext context = TestContexts.synchronous(temp.resolve("config"), errors);
        StartViewModel model = new StartViewModel(context, new ReviewLoader(), new DemoService());
        Path folder = Files.createDirectories(temp.resolve("holiday-photos"));

        model.open(folder);

        assertThat(context.state().review()).isNull();
        assertThat(model.errorProperty().get()).contains("holiday-photos").contains("not a Ferry bundle");
        assertThat(errors.unexpected).isEmpty();
        assertThat(model.recentBundles()).isEmpty();
    }

    @Test
    void saysPlainlyThatTheDemoRunsAgainstASimulatedApiServer() {
        assertThat(StartViewModel.DEMO_STATEMENT).contains("simulated").contains("API server");
    }
}
