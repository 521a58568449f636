package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;

/** Writes changes to the {@code changes.yaml} tree form and reads them back. */
public final class ChangeCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChangeCodec() {
    }

    public static ObjectNode resource(ResourceKey key) {
        ObjectNode node = NODES.objectNode();
        node.put("apiVersion", key.apiVersion());
        node.put("kind", key.kind());
        if (!key.clusterScoped()) {
            node.put("namespace", key.namespace());
        }
        node.put("name", key.name());
        return node;
    }

    public static ResourceKey resource(JsonNode node) {
        return ResourceKey.of(node.path("apiVersion").asText(), node.path("kind").asText(),
                node.path("namespace").asText(""), node.path("name").asText());
    }

    /** A change as written, with its review state ({@code pending} until the review workflow records a decision). */
    public static ObjectNode toTree(Change change) {
        ObjectNode node = NODES.objectNode();
        node.put("id", change.id());
        node.put("edge", change.edge().id());
        node.put("rule", change.rule());
        node.set("resource", resource(change.resource()));
        node.put("type", change.type().id());
        node.put("summary", change.summary());
        node.put("rationale", change.rationale());
        ArrayNode patch = node.putArray("patch");
        for (PatchOp op : change.patch()) {
            ObjectNode opNode = patch.addObject();
            opNode.put("op", op.op());
            opNode.put("path", op.path());
            if (op.value() != null) {
                opNode.set("value", op.value());
            }
        }
        if (change.generated() != null) {
            node.set("object", change.generated());
        }
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : change.findings()) {
            ObjectNode f = findings.addObject();
            f.put("severity", finding.severity().id());
            f.put("message", finding.message());
            if (!finding.settingKey().isEmpty()) {
                f.put("setting", finding.settingKey());
            }
        }
        node.put("status", "pending");
        return node;
    }

    /** @throws IllegalArgumentException when the tree is not a change Ferry wrote */
    public static Change fromTree(JsonNode node) {
        List<PatchOp> patch = new ArrayList<>();
        for (JsonNode op : node.path("patch")) {
            patch.add(new PatchOp(op.path("op").asText(), op.path("path").asText(),
                    op.has("value") ? op.get("value") : null));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : node.path("findings")) {
            findings.add(new Finding(Severity.fromId(f.path("severity").asText()), f.path("message").asText(),
                    f.path("setting").asText("")));
        }
        JsonNode object = node.get("object");
        return new Change(node.path("id").asText(), Edge.fromId(node.path("edge").asText()),
                node.path("rule").asText(), resource(node.path("resource")),
                ChangeType.fromId(node.path("type").asText()), node.path("summary").asText(),
                node.path("rationale").asText(), patch, object instanceof ObjectNode o ? o : null, findings);
    }
}
