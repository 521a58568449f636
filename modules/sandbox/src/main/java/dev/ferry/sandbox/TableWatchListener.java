package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A watch whose client asked for Tables ({@code kubectl get -w}): each event's object is sent as a one-row Table, as a
 * real server does, around fabric8's watch listener.
 */
final class TableWatchListener extends WebSocketListener {

    private final WebSocketListener watch;
    private final ResourceType type;
    private final String includeObject;
    private WebSocket tables;

    TableWatchListener(WebSocketListener watch, ResourceType type, String includeObject) {
        this.watch = watch;
        this.type = type;
        this.includeObject = includeObject;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        watch.onBeforeAccept(wrap(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        watch.onOpen(wrap(webSocket), response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        watch.onMessage(wrap(webSocket), text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        watch.onClosing(wrap(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        watch.onClosed(wrap(webSocket), code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        watch.onFailure(wrap(webSocket), error, response);
    }

    private synchronized WebSocket wrap(WebSocket webSocket) {
        if (tables == null) {
            tables = new WebSocket() {
                @Override
                public RecordedRequest request() {
                    return webSocket.request();
                }

                @Override
                public boolean send(String text) {
                    return webSocket.send(asTable(text));
                }

                @Override
                public boolean send(byte[] bytes) {
                    return webSocket.send(asTable(new String(bytes, StandardCharsets.UTF_8)));
                }

                @Override
                public boolean close(int code, String reason) {
                    return webSocket.close(code, reason);
                }
            };
        }
        return tables;
    }

    private String asTable(String event) {
        ObjectNode parsed = ObjectStore.parse(event);
        JsonNode object = parsed.path("object");
        if (object.isObject() && !object.path("kind").asText().equals("Status")) {
            parsed.set("object", TableRenderer.table(type, List.of(object),
                    object.path("metadata").path("resourceVersion").asText(null), includeObject));
        }
        return ObjectStore.toJson(parsed);
    }
}
