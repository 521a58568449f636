package dev.ferry.plan.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleLayout;
import dev.ferry.plan.bundle.BundleUpdater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The bundle's {@code audit.log}: one JSON line per review action, only ever appended to. */
final class AuditLog {

    private AuditLog() {
    }

    static List<AuditEntry> read(Path root) throws BundleException {
        Path file = root.resolve(BundleLayout.AUDIT);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<AuditEntry> entries = new ArrayList<>();
        int number = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Yaml.json().readTree(line);
                entries.add(new AuditEntry(Instant.parse(node.path("at").asText()), node.path("by").asText(),
                        node.path("action").asText(), node.path("description").asText()));
            }
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file + " line " + number + " cannot be read (" + e.getMessage()
                    + "); the audit log was edited by hand. Restore it from the original bundle.", e);
        }
        return entries;
    }

    static void append(BundleUpdater updater, List<AuditEntry> entries) throws BundleException {
        StringBuilder lines = new StringBuilder();
        for (AuditEntry entry : entries) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("at", entry.at().toString());
            node.put("by", entry.by());
            node.put("action", entry.action());
            node.put("description", entry.description());
            lines.append(node).append('\n');
        }
        updater.append(BundleLayout.AUDIT, lines.toString());
    }
}
