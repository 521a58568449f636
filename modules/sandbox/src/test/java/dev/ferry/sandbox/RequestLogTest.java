package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    private static final String BODY = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"},"
            + "\"data\":{\"k\":\"%s\"}}";

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws SandboxException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withReadinessDelay(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void keepsRequestBodiesOnlyWhileAskedTo() throws Exception {
        Clients.send(sandbox, "POST", CONFIGMAPS, "application/json", BODY.formatted("a", "dropped-body"));
        sandbox.requests().keepBodies(true);
        Clients.send(sandbox, "POST", CONFIGMAPS, "application/json", BODY.formatted("b", "kept-body"));
        sandbox.requests().keepBodies(false);
        Clients.send(sandbox, "POST", CONFIGMAPS, "application/json", BODY.formatted("c", "dropped-again"));

        assertThat(sandbox.requests().entries()).extracting(e -> e.request().body())
                .containsExactly("", BODY.formatted("b", "kept-body"), "");
        assertThat(sandbox.requests().entries()).extracting(RequestLog.Entry::status).containsOnly(201);
    }
}
