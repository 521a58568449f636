package dev.ferry.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request target split the way the API server reads it: {@code /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUB]]} or
 * {@code /apis/GROUP/VERSION[/namespaces/NS]/PLURAL[/NAME[/SUB]]}, plus the decoded query parameters.
 *
 * @param path        the path without the query string
 * @param query       decoded query parameters, in order
 * @param group       API group ("" for core), or null when the path is not a resource path
 * @param version     API version, or null
 * @param namespace   the namespace segment, or null
 * @param plural      the resource, or null
 * @param name        the object name, or null for a collection
 * @param subresource {@code status}, {@code scale}, ..., or null
 */
record ApiPath(String path, Map<String, List<String>> query, String group, String version, String namespace,
               String plural, String name, String subresource) {

    static ApiPath parse(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, List<String>> query = parseQuery(q < 0 ? "" : target.substring(q + 1));
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> segments = new ArrayList<>(Arrays.asList(path.substring(path.startsWith("/") ? 1 : 0)
                .split("/", -1)));
        String group;
        String version;
        int rest;
        if (segments.size() >= 2 && segments.get(0).equals("api")) {
            group = "";
            version = segments.get(1);
            rest = 2;
        } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            version = segments.get(2);
            rest = 3;
        } else {
            return new ApiPath(path, query, null, null, null, null, null, null);
        }
        List<String> tail = segments.subList(rest, segments.size());
        String namespace = null;
        if (tail.size() >= 3 && tail.get(0).equals("namespaces")
                && !tail.get(2).equals("status") && !tail.get(2).equals("finalize")) {
            namespace = decode(tail.get(1));
            tail = tail.subList(2, tail.size());
        }
        if (tail.isEmpty() || tail.size() > 3 || tail.get(0).isEmpty()) {
            return new ApiPath(path, query, group, version, null, null, null, null);
        }
        return new ApiPath(path, query, group, version, namespace, tail.get(0),
                tail.size() > 1 ? decode(tail.get(1)) : null, tail.size() > 2 ? tail.get(2) : null);
    }

    /** Whether this names a resource collection or object (as opposed to discovery or an unknown path). */
    boolean isResource() {
        return plural != null;
    }

    /** {@code /api} or {@code /apis/...} with only a group and version: the APIResourceList of that version. */
    boolean isGroupVersion() {
        return group != null && plural == null && (path.equals("/api/" + version)
                || path.equals("/apis/" + group + "/" + version));
    }

    Optional<String> param(String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    boolean dryRun() {
        return query.containsKey("dryRun");
    }

    boolean watch() {
        return param("watch").map(v -> v.equals("true") || v.equals("1")).orElse(false);
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
