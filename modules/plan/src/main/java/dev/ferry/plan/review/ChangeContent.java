package dev.ferry.plan.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.plan.bundle.ChangeCodec;
import dev.ferry.plan.bundle.Digests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SHA-256 of what a change does: its resource, type, operations, generated object and findings. The wording of
 * the summary and rationale is left out, so rephrasing a rule does not void approvals; anything that alters the
 * target, or what a reviewer is warned about, is in.
 */
public final class ChangeContent {

    private ChangeContent() {
    }

    public static String sha256(Change change) {
        ObjectNode tree = ChangeCodec.toTree(change);
        ObjectNode content = tree.objectNode();
        content.set("edge", tree.get("edge"));
        content.set("resource", tree.get("resource"));
        content.set("type", tree.get("type"));
        content.set("patch", tree.get("patch"));
        if (tree.has("object")) {
            content.set("object", tree.get("object"));
        }
        content.set("findings", tree.get("findings"));
        return Digests.sha256(sorted(content).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with every object's keys in order, so equal content hashes equally whatever order it was built in. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
