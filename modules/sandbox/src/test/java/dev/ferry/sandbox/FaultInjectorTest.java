package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectorTest {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    private static final String BODY = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"}}";

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws SandboxException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withReadinessDelay(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @CsvSource({"403, Forbidden, configmaps \"a\" is forbidden", "404, NotFound, configmaps \"a\" not found",
        "409, Conflict, Operation cannot be fulfilled on configmaps \"a\"", "500, InternalError, Internal error",
        "503, ServiceUnavailable, the server is currently unable to handle the request"})
    void answersTheNextMatchingRequestsWithTheStatusThenHandlesThemAgain(int code, String reason, String message)
            throws Exception {
        Fault fault = sandbox.faults().on("PUT", CONFIGMAPS + "/.*").times(2).respond(code);
        create("a");

        HttpResponse<String> first = put("a");
        HttpResponse<String> second = put("a");
        HttpResponse<String> third = put("a");

        assertThat(first.statusCode()).isEqualTo(code);
        JsonNode status = ObjectStore.JSON.readTree(first.body());
        assertThat(status.path("reason").asText()).isEqualTo(reason);
        assertThat(status.path("message").asText()).startsWith(message);
        assertThat(status.path("code").asInt()).isEqualTo(code);
        assertThat(second.statusCode()).isEqualTo(code);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(fault.fired()).isEqualTo(2);
        assertThat(fault.exhausted()).isTrue();
    }

    @Test
    void throttlesWithRetryAfter() throws Exception {
        sandbox.faults().on("POST", CONFIGMAPS).throttle(Duration.ofSeconds(2));

        HttpResponse<String> throttled = create("a");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(throttled.body()).contains("\"retryAfterSeconds\":2").contains("\"reason\":\"TooManyRequests\"");
        assertThat(create("a").statusCode()).isEqualTo(201);
    }

    @Test
    void aRetryingClientAppliesExactlyOnceThroughThrottlingAndServerErrors() {
        sandbox.faults().on("PATCH", CONFIGMAPS + "/settings").throttle(Duration.ofSeconds(1));
        sandbox.faults().on("PATCH", CONFIGMAPS + "/settings").respond(500);
        Config config = Config.fromKubeconfig(sandbox.kubeconfig("test"));
        config.setRequestRetryBackoffLimit(3);
        config.setRequestRetryBackoffInterval(10);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("settings").endMetadata().addToData("a", "1").build())
                    .fieldManager("ferry").serverSideApply();
        }

        assertThat(sandbox.requests().count("PATCH", CONFIGMAPS + "/settings")).isEqualTo(3);
        assertThat(sandbox.requests().countWrites("PATCH", CONFIGMAPS + "/settings")).isEqualTo(1);
    }

    @Test
    void delaysTheAnswerSoAClientTimesOut() throws Exception {
        sandbox.faults().on("GET", CONFIGMAPS).delay(Duration.ofSeconds(5));

        assertThatThrownBy(() -> Clients.send(HttpRequest.newBuilder(URI.create(sandbox.url() + CONFIGMAPS)).GET(),
                Duration.ofMillis(200)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Clients.get(sandbox, CONFIGMAPS).statusCode()).isEqualTo(200);
    }

    @Test
    void dropsTheConnectionWithoutAnAnswer() throws Exception {
        Fault fault = sandbox.faults().on("POST", CONFIGMAPS).drop();

        assertThatThrownBy(() -> create("a")).isInstanceOf(IOException.class);
        assertThat(fault.fired()).isEqualTo(1);
        assertThat(create("a").statusCode()).isEqualTo(201);
        assertThat(sandbox.requests().entries()).extracting(RequestLog.Entry::status).containsExactly(0, 201);
    }

    @Test
    void refusesConnectionsUntilToldToAcceptThemAgain() throws Exception {
        assertThat(create("a").statusCode()).isEqualTo(201);

        sandbox.refuseConnections();

        assertThatThrownBy(() -> create("b")).isInstanceOf(java.net.ConnectException.class);
        sandbox.acceptConnections();
        assertThat(Clients.get(sandbox, CONFIGMAPS + "/a").statusCode()).isEqualTo(200);
        assertThat(create("b").statusCode()).isEqualTo(201);
    }

    @Test
    void matchesOnTheBodyAndSkipsTheFirstMatches() throws Exception {
        sandbox.faults().on("POST", CONFIGMAPS).where(request -> request.body().contains("\"b\"")).skip(1)
                .respond(403);

        assertThat(create("a").statusCode()).isEqualTo(201);
        assertThat(create("b").statusCode()).isEqualTo(201);
        delete("b");
        assertThat(create("b").statusCode()).isEqualTo(403);
        assertThat(create("b").statusCode()).isEqualTo(201);
    }

    @Test
    void clearRemovesEveryFault() throws Exception {
        sandbox.faults().on("*", ".*").always().respond(503);
        assertThat(Clients.get(sandbox, "/version").statusCode()).isEqualTo(503);

        sandbox.faults().clear();

        assertThat(Clients.get(sandbox, "/version").statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().faults()).isEmpty();
    }

    private HttpResponse<String> create(String name) throws IOException, InterruptedException {
        return Clients.send(sandbox, "POST", CONFIGMAPS, "application/json", BODY.formatted(name));
    }

    private HttpResponse<String> put(String name) throws IOException, InterruptedException {
        return Clients.send(sandbox, "PUT", CONFIGMAPS + "/" + name, "application/json", BODY.formatted(name));
    }

    private void delete(String name) throws IOException, InterruptedException {
        Clients.send(sandbox, HttpRequest.newBuilder(URI.create(sandbox.url() + CONFIGMAPS + "/" + name)).DELETE());
    }
}
