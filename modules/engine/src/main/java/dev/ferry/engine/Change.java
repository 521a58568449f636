package dev.ferry.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.model.ResourceKey;
import java.util.List;
import java.util.Objects;

/**
 * The unit of review: one resource, one edge, one rule.
 *
 * @param id        stable across runs for the same rule and resource, so approvals can follow it
 * @param edge      the edge it belongs to
 * @param rule      the id of the rule that proposed it ({@code manual} for a hand edit)
 * @param resource  the resource it changes (for {@link ChangeType#GENERATE}, the generated object)
 * @param type      patch, generate or drop
 * @param summary   one line
 * @param rationale why, with the source of the mapping
 * @param patch     RFC 6902 operations against the sanitized source (empty for generate and drop)
 * @param generated the new object, for {@link ChangeType#GENERATE}; otherwise null
 * @param findings  what a reviewer must know
 */
public record Change(String id, Edge edge, String rule, ResourceKey resource, ChangeType type, String summary,
                     String rationale, List<PatchOp> patch, ObjectNode generated, List<Finding> findings) {

    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(type, "type");
        summary = summary == null ? "" : summary;
        rationale = rationale == null ? "" : rationale;
        patch = List.copyOf(patch);
        findings = List.copyOf(findings);
        if (type == ChangeType.GENERATE && generated == null) {
            throw new IllegalArgumentException("a generate change needs its object");
        }
    }

    public boolean needsAction() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED);
    }

    /** True when the change alters the target (as opposed to an advisory that only carries findings). */
    public boolean altersTarget() {
        return type != ChangeType.PATCH || !patch.isEmpty();
    }
}
