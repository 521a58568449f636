package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    @TempDir
    Path dir;

    @Test
    void startsTwoSimulatedServersPrintsReadyAndStopsWhenInterrupted() throws Exception {
        ReadyWatcher out = new ReadyWatcher();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FerryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread running = new Thread(() -> exitCode.set(commandLine.execute("sandbox", "--dir", dir.toString(),
                "--estate", "demo", "--port-base", "0")), "ferry-sandbox-test");
        running.start();

        assertThat(out.ready.await(60, TimeUnit.SECONDS)).as(err.toString()).isTrue();
        String printed = out.text();
        assertThat(printed).contains("simulated Kubernetes API servers").contains("not clusters")
                .contains("context ferry-sandbox-source").contains("context ferry-sandbox-target");
        Path sourceKubeconfig = dir.resolve("source.kubeconfig");
        assertThat(Files.readString(sourceKubeconfig)).contains("current-context: \"ferry-sandbox-source\"");
        assertThat(dir.resolve("target.kubeconfig")).exists();
        Matcher server = Pattern.compile("source:  context ferry-sandbox-source  server (http://\\S+)")
                .matcher(printed);
        assertThat(server.find()).isTrue();
        assertThat(get(server.group(1) + "/apis/apps/v1/namespaces/storefront/deployments/storefront-web"))
                .contains("\"name\":\"storefront-web\"");

        running.interrupt();
        running.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(running.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
        assertThat(refused(server.group(1))).isTrue();
    }

    @Test
    void refusesAnUnknownEstate() {
        CliRunner result = CliRunner.run("sandbox", "--dir", dir.toString(), "--estate", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown estate `prod`");
    }

    @Test
    void helpSaysItSimulatesAnApiServer() {
        CliRunner result = CliRunner.run("sandbox", "--help");

        assertThat(result.out().replaceAll("\\s+", " ")).contains("SIMULATES a Kubernetes API server")
                .contains("--port-base");
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean refused(String url) throws InterruptedException {
        try {
            get(url + "/version");
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Collects what the command prints and opens a latch at the line {@code ready}. */
    private static final class ReadyWatcher extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final CountDownLatch ready = new CountDownLatch(1);

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
            if (text.toString().lines().anyMatch(line -> line.equals("ready"))) {
                ready.countDown();
            }
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
