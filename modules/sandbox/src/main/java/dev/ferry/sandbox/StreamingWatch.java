package dev.ferry.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch served the way kubectl and client-go ask for it: one long HTTP response with one JSON watch event per
 * line, instead of the WebSocket that fabric8's CRUD dispatcher speaks. The dispatcher's watch listener writes to
 * this adapter as if it were a WebSocket; the watch ends after {@code timeoutSeconds} or when the client goes.
 */
final class StreamingWatch implements WebSocket {

    private final RecordedRequest request;
    private final HttpServerResponse response;
    private final AtomicBoolean closed = new AtomicBoolean();
    private WebSocketListener listener;

    private StreamingWatch(RecordedRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    /** Starts streaming the events of the watch the dispatcher answered with. */
    static void serve(Vertx vertx, HttpServerRequest event, RecordedRequest request, MockResponse watch) {
        HttpServerResponse response = event.response();
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json")
                .putHeader("Transfer-Encoding", "chunked");
        // clients wait for the head before they change anything they watch
        response.writeHead();
        StreamingWatch stream = new StreamingWatch(request, response);
        stream.listener = watch.getWebSocketListener();
        response.closeHandler(ignored -> stream.finish(1000, "client closed the watch"));
        long timeout = ApiPath.parse(request.getPath()).param("timeoutSeconds").map(Long::parseLong).orElse(1800L);
        vertx.setTimer(Math.max(1, timeout) * 1000, id -> stream.close(1000, "watch timed out"));
        stream.listener.onOpen(stream, watch);
    }

    @Override
    public RecordedRequest request() {
        return request;
    }

    @Override
    public boolean send(String text) {
        if (closed.get()) {
            return false;
        }
        response.write(Buffer.buffer(text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8.name()));
        return true;
    }

    @Override
    public boolean send(byte[] bytes) {
        return send(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public boolean close(int code, String reason) {
        if (!closed.get() && !response.ended() && !response.closed()) {
            response.end();
        }
        finish(code, reason);
        return true;
    }

    private void finish(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            listener.onClosed(this, code, reason);
        }
    }
}
