package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a watch while the sandbox sends it an event must not hold up the sandbox. fabric8's watch listener waited
 * on the Vert.x event loop for its sender, which waited for the event loop: every request stalled for ten seconds.
 */
class WatchCloseTest {

    private SandboxServer sandbox;
    private KubernetesClient client;

    @BeforeEach
    void start() throws SandboxException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withReadinessDelay(Duration.ofMillis(1)));
        Config config = Config.fromKubeconfig(sandbox.kubeconfig("test"));
        config.setRequestTimeout(5_000);
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void watchesClosedWhileEventsAreSentLeaveTheServerAnswering() throws Exception {
        client.apps().deployments().inNamespace("default").resource(ServerSideApplyTest.deployment(3, "v1"))
                .fieldManager("ferry").serverSideApply();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            // each new generation makes the readiness simulator write status: a stream of watch events
            while (writing.get()) {
                client.apps().deployments().inNamespace("default").resource(ServerSideApplyTest.deployment(3,
                        "v" + writes.incrementAndGet())).fieldManager("ferry").serverSideApply();
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 40; i++) {
                AtomicInteger events = new AtomicInteger();
                try (Watch watch = client.apps().deployments().inNamespace("default").watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Deployment deployment) {
                        events.incrementAndGet();
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
                    Thread.sleep(5);
                }
                // a request timing out after 5 s fails the test: the server must answer at once
                assertThat(client.apps().deployments().inNamespace("default").withName("web").get()).isNotNull();
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(writes.get()).isPositive();
    }
}
