package dev.ferry.engine.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Applies RFC 6902 operations to a tree, in place.
 *
 * <p>One deliberate extension: {@code add} creates missing parent objects, so two rules can each add an annotation
 * to an object that had none without one having to create the map (which would make them conflict). See
 * {@code docs/decisions/0003-patch-semantics.md}.
 */
public final class JsonPatch {

    private JsonPatch() {
    }

    /** Thrown when an operation's path does not exist where it must (replace, remove) or is not addressable. */
    public static final class PatchException extends Exception {
        private static final long serialVersionUID = 1L;

        public PatchException(String message) {
            super(message);
        }
    }

    public static void apply(ObjectNode root, List<PatchOp> ops) throws PatchException {
        for (PatchOp op : ops) {
            apply(root, op);
        }
    }

    public static void apply(ObjectNode root, PatchOp op) throws PatchException {
        List<String> segments = Pointer.segments(op.path());
        if (segments.isEmpty()) {
            throw new PatchException("cannot " + op.op() + " the whole object");
        }
        JsonNode parent = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            String segment = segments.get(i);
            JsonNode next = child(parent, segment);
            if (next == null || next.isNull()) {
                if (!op.op().equals("add") || !(parent instanceof ObjectNode parentObject)) {
                    throw new PatchException(op.op() + " " + op.path() + ": `" + segment + "` does not exist");
                }
                next = parentObject.putObject(segment);
            }
            parent = next;
        }
        String last = segments.get(segments.size() - 1);
        if (parent instanceof ObjectNode object) {
            applyToObject(object, last, op);
        } else if (parent instanceof ArrayNode array) {
            applyToArray(array, last, op);
        } else {
            throw new PatchException(op.op() + " " + op.path() + ": parent is not an object or array");
        }
    }

    private static JsonNode child(JsonNode parent, String segment) {
        if (parent instanceof ObjectNode object) {
            return object.get(segment);
        }
        if (parent instanceof ArrayNode array) {
            int index = index(segment, array.size());
            return index >= 0 && index < array.size() ? array.get(index) : null;
        }
        return null;
    }

    private static void applyToObject(ObjectNode object, String key, PatchOp op) throws PatchException {
        switch (op.op()) {
            case "add" -> object.set(key, op.value().deepCopy());
            case "replace" -> {
                if (!object.has(key)) {
                    throw new PatchException("replace " + op.path() + ": `" + key + "` does not exist");
                }
                object.set(key, op.value().deepCopy());
            }
            case "remove" -> {
                if (object.remove(key) == null) {
                    throw new PatchException("remove " + op.path() + ": `" + key + "` does not exist");
                }
            }
            default -> throw new PatchException("unsupported operation " + op.op());
        }
    }

    private static void applyToArray(ArrayNode array, String segment, PatchOp op) throws PatchException {
        if (segment.equals("-") && op.op().equals("add")) {
            array.add(op.value().deepCopy());
            return;
        }
        int index = index(segment, array.size());
        boolean inRange = op.op().equals("add") ? index >= 0 && index <= array.size() : index >= 0 && index < array.size();
        if (!inRange) {
            throw new PatchException(op.op() + " " + op.path() + ": index " + segment + " is out of range");
        }
        switch (op.op()) {
            case "add" -> array.insert(index, op.value().deepCopy());
            case "replace" -> array.set(index, op.value().deepCopy());
            case "remove" -> array.remove(index);
            default -> throw new PatchException("unsupported operation " + op.op());
        }
    }

    private static int index(String segment, int size) {
        if (segment.isEmpty() || segment.length() > 9 || !segment.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(segment);
    }
}
