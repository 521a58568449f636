package dev.ferry.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the simulated API server saw it, for fault conditions and the {@link RequestLog}.
 *
 * @param method      HTTP method in upper case ({@code GET}, {@code PATCH}, ...)
 * @param path        the path without the query string, e.g. {@code /apis/apps/v1/namespaces/shop/deployments/web}
 * @param query       decoded query parameters, e.g. {@code dryRun=[All]}, {@code fieldManager=[ferry]}
 * @param contentType the request's {@code Content-Type}, or empty
 * @param body        the request body as text (empty for none); not kept in the {@link RequestLog}
 */
public record SandboxRequest(String method, String path, Map<String, List<String>> query, String contentType,
                             String body) {

    public SandboxRequest {
        query = Map.copyOf(query);
        contentType = contentType == null ? "" : contentType;
        body = body == null ? "" : body;
    }

    /** The first value of a query parameter. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the request asks for a dry run ({@code dryRun=All}). */
    public boolean dryRun() {
        return query.containsKey("dryRun");
    }

    SandboxRequest withoutBody() {
        return body.isEmpty() ? this : new SandboxRequest(method, path, query, contentType, "");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
}
