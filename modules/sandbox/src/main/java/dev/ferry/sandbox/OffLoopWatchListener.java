package dev.ferry.sandbox;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A watch's listener whose closing runs on a worker thread instead of the Vert.x event loop. fabric8's
 * {@code WatchEventsListener} waits, when its watch closes, for its own sender thread to finish; when an event was
 * being sent at that moment, the sender waits for the event loop the close was blocking, and every request to the
 * sandbox stalled for ten seconds (the readiness simulator's status writes made that likely).
 */
final class OffLoopWatchListener extends WebSocketListener {

    private final Vertx vertx;
    private final WebSocketListener delegate;

    OffLoopWatchListener(Vertx vertx, WebSocketListener delegate) {
        this.vertx = vertx;
        this.delegate = delegate;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        delegate.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        delegate.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        offLoop(() -> delegate.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        offLoop(() -> delegate.onFailure(webSocket, failure, response));
    }

    private void offLoop(Runnable closing) {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            closing.run();
            return;
        }
        vertx.executeBlocking(() -> {
            closing.run();
            return null;
        }, false);
    }
}
