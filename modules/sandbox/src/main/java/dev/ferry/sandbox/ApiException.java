package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request the simulated API server refuses, turned into a {@code Status} response like a real server's: reason,
 * code, a message that names the object, and details. Internal control flow of the dispatcher.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient ObjectNode details;

    ApiException(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found",
                details(type, name));
    }

    static ApiException namespaceNotFound(String namespace) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("name", namespace).put("kind", "namespaces");
        return new ApiException(404, "NotFound", "namespaces \"" + namespace + "\" not found", details);
    }

    static ApiException noSuchResource() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource", null);
    }

    static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists", type.qualifiedPlural() + " \"" + name + "\" already exists",
                details(type, name));
    }

    static ApiException stale(ResourceType type, String name) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedPlural()
                + " \"" + name + "\": the object has been modified; please apply your changes to the latest version"
                + " and try again", details(type, name));
    }

    /** 422 with one cause per invalid field, as "Deployment.apps "x" is invalid: metadata.name: Invalid value: ...". */
    static ApiException invalid(ResourceType type, String name, String field, String problem) {
        ObjectNode details = details(type, name);
        ArrayNode causes = details.putArray("causes");
        causes.addObject().put("reason", "FieldValueInvalid").put("message", problem).put("field", field);
        return new ApiException(422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + field
                + ": " + problem, details);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message, null);
    }

    static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json (got " + contentType + ")",
                null);
    }

    static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested "
                + "resource (" + method + ")", null);
    }

    /** A server-side apply conflict: one cause per field another manager owns with a different value. */
    static ApiException applyConflict(ResourceType type, String name, List<FieldConflict> conflicts) {
        ObjectNode details = details(type, name);
        ArrayNode causes = details.putArray("causes");
        StringBuilder message = new StringBuilder("Apply failed with ").append(conflicts.size())
                .append(conflicts.size() == 1 ? " conflict: " : " conflicts: ");
        for (int i = 0; i < conflicts.size(); i++) {
            FieldConflict conflict = conflicts.get(i);
            String text = "conflict with \"" + conflict.manager() + "\"" + (conflict.operation().equals("Update")
                    ? " using " + type.apiVersion() : "");
            causes.addObject().put("reason", "FieldManagerConflict").put("message", text)
                    .put("field", conflict.field());
            message.append(i == 0 ? "" : "\n").append(text).append(": ").append(conflict.field());
        }
        return new ApiException(409, "Conflict", message.toString(), details);
    }

    /** A field another manager owns with a different value. */
    record FieldConflict(String manager, String operation, String field) {
    }

    /** The Status object real API servers answer with. */
    ObjectNode toStatus() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }

    private static ObjectNode details(ResourceType type, String name) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (name != null) {
            details.put("name", name);
        }
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return details.put("kind", type.plural());
    }
}
