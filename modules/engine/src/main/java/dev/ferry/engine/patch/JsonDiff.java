package dev.ferry.engine.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The RFC 6902 operations that turn one object into another: how a hand edit of a proposed object is recorded.
 * Objects are compared key by key; an array that differs is replaced whole, because index-based operations would
 * silently land on the wrong element once the engine's output shifts the array.
 */
public final class JsonDiff {

    private JsonDiff() {
    }

    public static List<PatchOp> between(ObjectNode from, ObjectNode to) {
        List<PatchOp> ops = new ArrayList<>();
        diffObjects("", from, to, ops);
        return ops;
    }

    private static void diffObjects(String path, JsonNode from, JsonNode to, List<PatchOp> ops) {
        for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!to.has(name)) {
                ops.add(new PatchOp("remove", path + "/" + Pointer.escape(name), null));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = to.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "/" + Pointer.escape(field.getKey());
            JsonNode before = from.get(field.getKey());
            JsonNode after = field.getValue();
            if (before == null) {
                ops.add(new PatchOp("add", child, after.deepCopy()));
            } else if (before.isObject() && after.isObject()) {
                diffObjects(child, before, after, ops);
            } else if (!before.equals(after)) {
                ops.add(new PatchOp("replace", child, after.deepCopy()));
            }
        }
    }
}
