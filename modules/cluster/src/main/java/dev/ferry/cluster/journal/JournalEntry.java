package dev.ferry.cluster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of a wave's journal: when, what, which object (absent for wave-level lines) and the action's fields.
 * Secret bodies are never part of an entry: {@link Journal#append} refuses them.
 */
public record JournalEntry(Instant time, JournalAction action, int wave, ResourceKey key, ObjectNode fields) {

    public JournalEntry {
        fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields;
    }

    public static JournalEntry of(JournalAction action, int wave, ResourceKey key) {
        return new JournalEntry(Instant.now(), action, wave, key, JsonNodeFactory.instance.objectNode());
    }

    public Optional<ResourceKey> resource() {
        return Optional.ofNullable(key);
    }

    public String text(String field) {
        return fields.path(field).asText("");
    }

    public JsonNode field(String field) {
        return fields.path(field);
    }

    /** Builder-style: the same entry with one more text field. */
    public JournalEntry with(String field, String value) {
        fields.put(field, value);
        return this;
    }

    public JournalEntry with(String field, JsonNode value) {
        fields.set(field, value);
        return this;
    }

    public JournalEntry with(String field, boolean value) {
        fields.put(field, value);
        return this;
    }

    public JournalEntry with(String field, long value) {
        fields.put(field, value);
        return this;
    }
}
