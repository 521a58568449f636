package dev.ferry.cli;

import java.util.Arrays;
import java.util.List;

/**
 * What Kubernetes authorization asks of one HTTP request, the way the API server's request-info resolver reads the
 * path: the API group, the resource (with a subresource as {@code pods/status}) and the verbs. A path with no resource
 * (discovery, {@code /version}) is a non-resource URL: {@code resource} is null. A server-side apply is checked for
 * patch, and for create when the object does not exist yet, so both are asked.
 */
record RbacRequest(String group, String resource, List<String> verbs) {

    static RbacRequest of(String method, String path, boolean watch) {
        return of(method, path, watch, "");
    }

    static RbacRequest of(String method, String path, boolean watch, String contentType) {
        List<String> parts = Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
        int versionEnd = parts.isEmpty() ? 0 : parts.get(0).equals("api") ? 2 : parts.get(0).equals("apis") ? 3 : 0;
        String verb = method.toLowerCase(java.util.Locale.ROOT);
        if (versionEnd == 0 || parts.size() <= versionEnd) {
            return new RbacRequest(null, null, List.of(verb.equals("head") ? "get" : verb));
        }
        String group = parts.get(0).equals("api") ? "" : parts.get(1);
        List<String> rest = parts.subList(versionEnd, parts.size());
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            rest = rest.subList(2, rest.size());
        }
        String name = rest.size() > 1 ? rest.get(1) : null;
        String resource = rest.size() > 2 ? rest.get(0) + "/" + rest.get(2) : rest.get(0);
        List<String> verbs = switch (method) {
            case "GET", "HEAD" -> List.of(name != null ? "get" : watch ? "watch" : "list");
            case "POST" -> List.of("create");
            case "PUT" -> List.of("update");
            case "PATCH" -> contentType.startsWith("application/apply-patch") ? List.of("patch", "create")
                    : List.of("patch");
            case "DELETE" -> List.of(name != null ? "delete" : "deletecollection");
            default -> List.of(verb);
        };
        return new RbacRequest(group, resource, verbs);
    }
}
