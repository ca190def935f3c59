package org.broadsheet.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.broadsheet.render.Json;

/**
 * The live-reload stream: Server-Sent Events telling open tabs what each build changed. Every tab holds one
 * connection; on connecting it hears the latest build at once (so a tab that missed one while reconnecting
 * catches up), then each new one. A comment line every few seconds finds connections the browser closed.
 */
final class LiveReload {
    /** Announcing more changed files than this says "everything" instead: tabs reload all the same. */
    static final int LISTED_FILES = 2_000;
    private static final long KEEPALIVE_MILLIS = 10_000;
    /** Put in a queue to end its stream; compared by identity, never equal to an event that was built. */
    private static final String STOP = "stop";

    private final String instance;
    private final AtomicReference<String> latest = new AtomicReference<>();
    private final Set<BlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param instance tells this server's builds from those of a server that ran before on the same port */
    LiveReload(String instance) {
        this.instance = instance;
    }

    /** What a build changed, as the tabs hear it. */
    record Announcement(long generation, boolean failed, List<String> changed) {
        String json(String instance) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("instance", instance);
            event.put("generation", generation);
            event.put("failed", failed);
            event.put("everything", changed.size() > LISTED_FILES);
            event.put("changed", changed.size() > LISTED_FILES ? List.of() : changed);
            return Json.write(event);
        }
    }

    void announce(Announcement announcement) {
        String event = "event: build\ndata: " + announcement.json(instance) + "\n\n";
        latest.set(event);
        for (BlockingQueue<String> listener : listeners) {
            listener.offer(event);
        }
    }

    int listeners() {
        return listeners.size();
    }

    /** Holds the request's connection open and streams announcements until the tab goes or the server stops. */
    void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        String first = latest.get();
        if (first != null) {
            queue.add(first);
        }
        listeners.add(queue);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(("retry: 1000\n\n").getBytes(StandardCharsets.UTF_8));
            body.flush();
            while (!closed) {
                String event = queue.poll(KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
                if (event == STOP) {
                    break;
                }
                body.write((event == null ? ": still here\n\n" : event).getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The tab went away; nothing to tell anyone.
        } finally {
            listeners.remove(queue);
        }
    }

    /** Ends every stream, so the server can stop without waiting for tabs. */
    void close() {
        closed = true;
        for (BlockingQueue<String> listener : listeners) {
            listener.offer(STOP);
        }
    }
}
