package dev.ferry.plan.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.plan.bundle.ChangeCodec;
import java.time.Instant;
import java.util.Optional;

/**
 * A change's review state in {@code changes.yaml}: {@code status: pending|approved|rejected} and, once decided,
 * {@code approval: {by, at, sha256, comment}} (the same block records a rejection).
 */
final class DecisionCodec {

    private DecisionCodec() {
    }

    static ObjectNode toTree(Change change, Optional<Decision> decision) {
        ObjectNode node = ChangeCodec.toTree(change);
        if (decision.isEmpty()) {
            node.put("status", "pending");
            return node;
        }
        Decision d = decision.get();
        node.put("status", d.verdict().id());
        ObjectNode approval = node.putObject("approval");
        approval.put("by", d.by());
        approval.put("at", d.at().toString());
        approval.put("sha256", d.sha256());
        if (!d.comment().isEmpty()) {
            approval.put("comment", d.comment());
        }
        return node;
    }

    /** @throws IllegalArgumentException when the status or approval block is malformed */
    static Optional<Decision> fromTree(JsonNode node) {
        String status = node.path("status").asText("pending");
        if (status.equals("pending")) {
            return Optional.empty();
        }
        JsonNode approval = node.path("approval");
        if (!approval.isObject()) {
            throw new IllegalArgumentException("status " + status + " without an approval block");
        }
        return Optional.of(new Decision(Verdict.fromId(status), approval.path("by").asText(),
                Instant.parse(approval.path("at").asText()), approval.path("sha256").asText(),
                approval.path("comment").asText("")));
    }
}
