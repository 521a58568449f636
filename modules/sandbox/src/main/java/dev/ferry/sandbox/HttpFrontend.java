package dev.ferry.sandbox;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a sandbox: a Vert.x server on loopback (plain HTTP/1.1) that records each request, lets the
 * {@link FaultInjector} drop, delay or answer it, and otherwise hands it to the {@link SandboxDispatcher}. Watches
 * are served as the WebSocket sessions of fabric8's CRUD dispatcher (fabric8 clients) or as streamed HTTP responses
 * ({@link StreamingWatch}: kubectl, client-go).
 *
 * <p>Built on Vert.x directly rather than fabric8's {@code MockWebServer}, which cannot drop a connection.
 */
final class HttpFrontend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);

    private final Vertx vertx = Vertx.vertx();
    private final SandboxDispatcher dispatcher;
    private final FaultInjector faults;
    private final RequestLog log;
    private HttpServer server;

    HttpFrontend(SandboxDispatcher dispatcher, FaultInjector faults, RequestLog log) {
        this.dispatcher = dispatcher;
        this.faults = faults;
        this.log = log;
    }

    synchronized boolean listening() {
        return server != null;
    }

    /** Stops listening (connections are refused) and closes open connections; {@link #listen} starts again. */
    synchronized void stopListening() {
        if (server != null) {
            try {
                await(server.close());
            } catch (ExecutionException e) {
                // the listening socket is gone either way
            }
            server = null;
        }
    }

    /** Listens on 127.0.0.1 at this port (0 for any free port); returns the port. */
    synchronized int listen(int port) throws SandboxException {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                .setHttp2ClearTextEnabled(false)
                .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io",
                        "channel.k8s.io"))
                .setHandle100ContinueAutomatically(true);
        server = vertx.createHttpServer(options).requestHandler(this::handle);
        try {
            return await(server.listen()).actualPort();
        } catch (ExecutionException e) {
            server = null;
            throw new SandboxException("Cannot start the sandbox API server on 127.0.0.1:" + port + ": "
                    + e.getCause().getMessage() + ". Choose another port (or 0 for any free port).", e.getCause());
        }
    }

    private void handle(HttpServerRequest event) {
        if (hasBody(event)) {
            event.body().onComplete(body -> handle(event, body.succeeded() && body.result() != null
                    ? body.result().getBytes() : new byte[0]));
        } else {
            handle(event, new byte[0]);
        }
    }

    private void handle(HttpServerRequest event, byte[] body) {
        try {
            respond(event, body);
        } catch (RuntimeException e) {
            LOG.warn("The sandbox could not answer {} {}", event.method(), event.uri(), e);
            if (!event.response().ended() && !event.response().closed()) {
                event.response().setStatusCode(500).end();
            }
        }
    }

    private void respond(HttpServerRequest event, byte[] body) {
        HttpMethod method = event.method() == io.vertx.core.http.HttpMethod.HEAD ? HttpMethod.GET
                : HttpMethod.fromVertx(event.method());
        RecordedRequest request = new RecordedRequest(event.version().alpnName().toUpperCase(Locale.ROOT),
                method, event.uri(),
                Headers.builder().addAll(event.headers()).build(), new Buffer(body));
        ApiPath path = ApiPath.parse(event.uri());
        SandboxRequest seen = new SandboxRequest(event.method().name(), path.path(), path.query(),
                event.getHeader("Content-Type"), new String(body, StandardCharsets.UTF_8));
        Optional<Fault> fault = faults.hit(seen);
        if (fault.isPresent() && fault.get().action() == Fault.Action.DROP) {
            log.record(seen, 0);
            event.connection().close();
            return;
        }
        MockResponse response = fault.isPresent() && fault.get().action() == Fault.Action.RESPOND
                ? dispatcher.injected(fault.get(), seen)
                : dispatcher.dispatch(request, seen);
        log.record(seen, response.getWebSocketListener() != null ? 101 : response.code());
        if (response.getWebSocketListener() != null) {
            response.withWebSocketUpgrade(new OffLoopWatchListener(vertx, response.getWebSocketListener()));
            if ("websocket".equalsIgnoreCase(event.getHeader("Upgrade"))) {
                event.toWebSocket().onSuccess(new ServerWebSocketHandler(request, response))
                        .onFailure(error -> event.response().setStatusCode(500).end());
            } else {
                StreamingWatch.serve(vertx, event, request, response);
            }
            return;
        }
        if (fault.isPresent() && fault.get().action() == Fault.Action.DELAY) {
            vertx.setTimer(Math.max(1, fault.get().duration().toMillis()), id -> send(event, response));
        } else {
            send(event, response);
        }
    }

    private static void send(HttpServerRequest event, MockResponse response) {
        HttpServerResponse out = event.response();
        if (out.closed() || out.ended()) {
            return;
        }
        out.setStatusCode(response.code());
        for (Map.Entry<String, List<String>> header : response.getHeaders().toMultimap().entrySet()) {
            out.headers().add(header.getKey(), header.getValue());
        }
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
        out.end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    private static boolean hasBody(HttpServerRequest event) {
        String length = event.getHeader("Content-Length");
        if (length != null && !length.isBlank()) {
            return Long.parseLong(length.trim()) > 0;
        }
        return event.getHeader("Transfer-Encoding") != null || event.getHeader("Content-Type") != null;
    }

    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                await(server.close());
            }
        } catch (ExecutionException | RuntimeException e) {
            // closing anyway: the Vert.x instance below takes the sockets with it
        } finally {
            try {
                await(vertx.close());
            } catch (ExecutionException | RuntimeException e) {
                // nothing more to release
            }
        }
    }

    private static <T> T await(Future<T> future) throws ExecutionException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(e);
        } catch (TimeoutException e) {
            throw new ExecutionException(e);
        }
    }
}
