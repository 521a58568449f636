package dev.ferry.cluster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a wave's journal says happened in its current attempt: the entries since the last completed rollback (a
 * completed rollback closes an attempt; the next apply starts anew). Apply reads it to resume without applying an
 * object twice or skipping one; rollback reads it to undo in reverse order.
 */
public final class JournalState {

    /** One object of the wave as the attempt started it: its key and the digest of the object Ferry applies. */
    public record PlannedObject(ResourceKey key, String digest) {
    }

    private final List<PlannedObject> planned = new ArrayList<>();
    private final Map<ResourceKey, JournalEntry> before = new LinkedHashMap<>();
    private final Set<ResourceKey> applied = new HashSet<>();
    private final Set<ResourceKey> ready = new HashSet<>();
    private final Set<ResourceKey> undone = new HashSet<>();
    private boolean started;
    private boolean waveApplied;
    private boolean rollbackStarted;
    private int attempts;

    private JournalState() {
    }

    public static JournalState replay(List<JournalEntry> entries) {
        JournalState state = new JournalState();
        for (JournalEntry entry : entries) {
            state.accept(entry);
        }
        return state;
    }

    private void accept(JournalEntry entry) {
        ResourceKey key = entry.key();
        switch (entry.action()) {
            case WAVE_STARTED -> {
                if (!started) {
                    started = true;
                    planned.clear();
                    for (JsonNode object : entry.field("objects")) {
                        JsonNode k = object.path("resource");
                        planned.add(new PlannedObject(ResourceKey.of(k.path("apiVersion").asText(),
                                k.path("kind").asText(), k.path("namespace").asText(""), k.path("name").asText()),
                                object.path("digest").asText()));
                    }
                }
                attempts++;
            }
            // the first before-state of an attempt is the one rollback restores; later ones are the wave's own
            case BEFORE -> before.putIfAbsent(key, entry);
            case APPLIED -> applied.add(key);
            case READY -> ready.add(key);
            case WAVE_APPLIED -> waveApplied = true;
            case ROLLBACK_STARTED -> rollbackStarted = true;
            case DELETED, RESTORED, ROLLBACK_SKIPPED -> undone.add(key);
            case ROLLED_BACK -> reset();
            default -> {
            }
        }
    }

    private void reset() {
        planned.clear();
        before.clear();
        applied.clear();
        ready.clear();
        undone.clear();
        started = false;
        waveApplied = false;
        rollbackStarted = false;
        attempts = 0;
    }

    /** True when an apply of the wave started and was not rolled back since. */
    public boolean started() {
        return started;
    }

    /** How many times apply started (or resumed) in this attempt. */
    public int attempts() {
        return attempts;
    }

    /** The wave's objects as the attempt started them, in apply order. */
    public List<PlannedObject> planned() {
        return List.copyOf(planned);
    }

    public Optional<JournalEntry> before(ResourceKey key) {
        return Optional.ofNullable(before.get(key));
    }

    /** Keys with a recorded before-state, in the order they were recorded (the order of writes). */
    public List<ResourceKey> touched() {
        return List.copyOf(before.keySet());
    }

    public boolean applied(ResourceKey key) {
        return applied.contains(key);
    }

    public boolean ready(ResourceKey key) {
        return ready.contains(key);
    }

    public boolean waveApplied() {
        return waveApplied;
    }

    /** True when a rollback started and has not finished: apply must not run until it does. */
    public boolean rollbackUnfinished() {
        return rollbackStarted;
    }

    public boolean undone(ResourceKey key) {
        return undone.contains(key);
    }
}
