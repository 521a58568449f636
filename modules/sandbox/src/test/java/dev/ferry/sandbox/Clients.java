package dev.ferry.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Clients for tests: fabric8 configured from the sandbox's own kubeconfig, and plain HTTP. */
final class Clients {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Clients() {
    }

    /** A fabric8 client from the sandbox's kubeconfig, with client-side retries off so tests see every answer. */
    static KubernetesClient fabric8(SandboxServer sandbox) {
        Config config = Config.fromKubeconfig(sandbox.kubeconfig("test"));
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    static HttpResponse<String> get(SandboxServer sandbox, String path) throws IOException, InterruptedException {
        return send(sandbox, HttpRequest.newBuilder(URI.create(sandbox.url() + path)).GET());
    }

    static HttpResponse<String> send(SandboxServer sandbox, String method, String path, String contentType,
                                     String body) throws IOException, InterruptedException {
        return send(sandbox, HttpRequest.newBuilder(URI.create(sandbox.url() + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> send(SandboxServer sandbox, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return send(request, Duration.ofSeconds(10));
    }

    static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException {
        return HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }
}
