package dev.ferry.engine.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/**
 * One RFC 6902 operation: {@code add}, {@code replace} or {@code remove}.
 *
 * <p>Rules address the finest path they change (one annotation key, one image field) and replace a whole array
 * rather than remove an element by index, so operations from different rules compose and conflicts are exact.
 */
public record PatchOp(String op, String path, JsonNode value) {

    public PatchOp {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
        if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
            throw new IllegalArgumentException("unsupported patch operation `" + op + "`");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a JSON Pointer starts with /: " + path);
        }
        if (op.equals("remove")) {
            value = null;
        } else {
            Objects.requireNonNull(value, "value of " + op + " " + path);
        }
    }

    public static PatchOp add(String path, JsonNode value) {
        return new PatchOp("add", path, value);
    }

    public static PatchOp add(String path, String value) {
        return new PatchOp("add", path, TextNode.valueOf(value));
    }

    public static PatchOp replace(String path, JsonNode value) {
        return new PatchOp("replace", path, value);
    }

    public static PatchOp replace(String path, String value) {
        return new PatchOp("replace", path, TextNode.valueOf(value));
    }

    public static PatchOp remove(String path) {
        return new PatchOp("remove", path, null);
    }

    @Override
    public String toString() {
        return op + " " + path + (value == null ? "" : " " + value);
    }
}
