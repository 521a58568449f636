package dev.ferry.cli;

import java.util.List;

/**
 * One rule of a Kubernetes ClusterRole: either verbs on resources of API groups, or verbs on non-resource URLs (the
 * discovery endpoints). {@code *} matches everything, and a URL ending in {@code /*} matches everything below it, as
 * in Kubernetes RBAC.
 */
record RbacRule(List<String> apiGroups, List<String> resources, List<String> nonResourceUrls, List<String> verbs) {

    /** The discovery endpoints Ferry reads on both sides (most clusters grant them to every authenticated user). */
    static final List<String> DISCOVERY = List.of("/api", "/api/*", "/apis", "/apis/*", "/version");

    RbacRule {
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        nonResourceUrls = List.copyOf(nonResourceUrls);
        verbs = List.copyOf(verbs);
    }

    static RbacRule resources(List<String> apiGroups, List<String> resources, List<String> verbs) {
        return new RbacRule(apiGroups, resources, List.of(), verbs);
    }

    static RbacRule urls(List<String> urls, List<String> verbs) {
        return new RbacRule(List.of(), List.of(), urls, verbs);
    }

    /** Whether this rule allows {@code verb} on {@code resource} (with a subresource as {@code pods/status}). */
    boolean allows(String verb, String apiGroup, String resource) {
        return matches(verbs, verb) && matches(apiGroups, apiGroup) && matches(resources, resource);
    }

    /** Whether this rule allows {@code verb} on the non-resource URL {@code path}. */
    boolean allowsUrl(String verb, String path) {
        return matches(verbs, verb) && nonResourceUrls.stream().anyMatch(url -> url.equals("*") || url.equals(path)
                || url.endsWith("/*") && path.startsWith(url.substring(0, url.length() - 1)));
    }

    private static boolean matches(List<String> granted, String wanted) {
        return granted.contains("*") || granted.contains(wanted);
    }
}
