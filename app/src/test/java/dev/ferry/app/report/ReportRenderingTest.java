package dev.ferry.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Edge;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.HtmlRenderer;
import dev.ferry.plan.report.ReportBuilder;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.PlanWavesCommand;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.testkit.Corpus;
import dev.ferry.testkit.EstateGenerator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the HTML report of a realistic estate (the AKS store demo from the corpus and a generated AKS estate with
 * every edge, and a Postgres StatefulSet; planned into waves, the registry edge approved) in a WebView, checks the page, and writes PNGs to
 * {@code target/} (and to {@code screenshots/} at the repository root with {@code -Dferry.screenshots=true}).
 */
@ExtendWith(ApplicationExtension.class)
class ReportRenderingTest {

    private static final int WIDTH = 1280;
    /** The page is captured in slices of this height: the window must fit the headless screen (1600x1200). */
    private static final int SLICE = 1100;
    private static final String SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
            zones: {westeurope-1: eu-west-1a}
            """;

    /** A database with its volumes, so the runbook has a stateful wave with a maintenance window. */
    private static final String DATABASE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: data}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: postgres, namespace: data}
            spec:
              serviceName: postgres
              selector: {matchLabels: {app: postgres}}
              template:
                metadata: {labels: {app: postgres}}
                spec:
                  containers:
                    - name: postgres
                      image: shopacr.azurecr.io/postgres:16.4
                      volumeMounts: [{name: pgdata, mountPath: /var/lib/postgresql/data}]
              volumeClaimTemplates:
                - metadata: {name: pgdata}
                  spec:
                    accessModes: [ReadWriteOnce]
                    storageClassName: managed-csi-premium
                    resources: {requests: {storage: 64Gi}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: postgres, namespace: data}
            spec:
              clusterIP: None
              selector: {app: postgres}
              ports: [{port: 5432}]
            """;

    @TempDir
    static Path dir;

    private static String html;
    private WebView view;

    @BeforeAll
    static void reportOfARealisticEstate() throws Exception {
        Path generated = dir.resolve("estate");
        new EstateGenerator(7).writeFiles(generated, 60);
        Path database = Files.writeString(dir.resolve("database.yaml"), DATABASE);
        List<Path> inputs = new ArrayList<>(List.of(generated, database));
        Corpus.root().map(root -> root.resolve("Azure-Samples__aks-store-demo/aks-store-all-in-one.yaml"))
                .filter(Files::isRegularFile).ifPresent(inputs::add);
        ManifestSet input = new ManifestReader().read(inputs);
        MigrationSettings settings = MigrationSettings.of(Yaml.parse(SETTINGS));
        Path bundle = dir.resolve("store-bundle");
        new BundleWriter(new ProposeReport()).write(new BundleContent(new ProposeService().propose(input, settings), settings,
                "manifests: aks-store-demo and a generated estate", input.problems(), "test",
                Instant.parse("2026-11-21T00:00:00Z")), bundle);
        try (ReviewSession session = ReviewSession.open(bundle)) {
            session.execute(new PlanWavesCommand("dana"));
            session.execute(new ApproveCommand(ChangeSelection.edge(Edge.REGISTRY), "dana", "images copied"));
            session.execute(new ApproveCommand(ChangeSelection.edge(Edge.STORAGE), "dana", "data copy planned"));
            html = new HtmlRenderer().render(new ReportBuilder().build(session));
        }
    }

    @Start
    void start(Stage stage) {
        view = new WebView();
        stage.setScene(new Scene(view, WIDTH, SLICE));
        stage.show();
    }

    @Test
    void rendersTheReportWithItsRunbookAndSnapshotsIt() throws Exception {
        load();
        assertThat(script("document.title")).asString().contains("AKS → EKS");
        assertThat(script("document.getElementById('direction').textContent")).isEqualTo("AKS → EKS");
        assertThat(script("Array.from(document.querySelectorAll('h2')).map(h => h.textContent).join('|')"))
                .asString().contains("Summary", "Needs a human", "Images to copy", "Identities",
                        "Data copy for stateful volumes", "Unresolved references", "Runbook");
        assertThat(script("document.querySelectorAll('section.wave').length")).isInstanceOf(Number.class)
                .satisfies(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(3));
        String runbookHeadings = (String) script("Array.from(document.querySelectorAll('section.wave h4'))"
                + ".map(h => h.textContent).join('|')");
        assertThat(runbookHeadings).contains("Before you start", "Apply", "Verify", "Rollback",
                "Traffic shift (5% → 25% → 100%)", "Maintenance window: quiesce and sync");
        assertThat(script("document.querySelectorAll('script, link, img, iframe').length")).isEqualTo(0);
        // the page is laid out: a wave section has a real height on screen
        assertThat(((Number) script("document.querySelector('section.wave').getBoundingClientRect().height"))
                .intValue()).isGreaterThan(200);
        assertThat(html).doesNotContain(EstateGenerator.CANARY_PREFIX);

        BufferedImage page = snapshotWholePage();
        assertThat(page.getHeight()).isGreaterThan(SLICE);
        Path png = Path.of("target", "report.png");
        ImageIO.write(page, "png", png.toFile());
        assertThat(png).isNotEmptyFile();
        if (Boolean.getBoolean("ferry.screenshots")) {
            Path screenshots = Path.of("..", "screenshots");
            Files.createDirectories(screenshots);
            ImageIO.write(page, "png", screenshots.resolve("report.png").toFile());
        }
    }

    private void load() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            view.getEngine().getLoadWorker().stateProperty().addListener((o, before, now) -> {
                if (now == Worker.State.SUCCEEDED) {
                    loaded.countDown();
                }
            });
            view.getEngine().loadContent(html);
        });
        assertThat(loaded.await(60, TimeUnit.SECONDS)).as("the report page loads").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Object script(String expression) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.getEngine().executeScript(expression)).get(30, TimeUnit.SECONDS);
    }

    /** Scrolls the page slice by slice and stitches the snapshots into one image of the whole page. */
    private BufferedImage snapshotWholePage() throws Exception {
        int height = ((Number) script("document.documentElement.scrollHeight")).intValue();
        BufferedImage page = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        for (int top = 0; top < height; top += SLICE) {
            int y = Math.min(top, Math.max(0, height - SLICE));
            script("window.scrollTo(0, " + y + ")");
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage slice = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(30, TimeUnit.SECONDS);
            BufferedImage image = SwingFXUtils.fromFXImage(slice, null);
            page.createGraphics().drawImage(image, 0, y, null);
            Path slices = Files.createDirectories(Path.of("target", "report-slices"));
            ImageIO.write(image, "png", slices.resolve(String.format("%02d.png", top / SLICE)).toFile());
        }
        return page;
    }
}
