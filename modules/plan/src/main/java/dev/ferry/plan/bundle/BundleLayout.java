package dev.ferry.plan.bundle;

import dev.ferry.model.ResourceKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Names of the files inside a bundle. One place, so the writer, the reader and the app agree. */
public final class BundleLayout {

    public static final String MANIFEST = "bundle.yaml";
    public static final String SETTINGS = "settings.yaml";
    public static final String SOURCE = "source";
    public static final String PROPOSED = "proposed";
    public static final String CHANGES = "changes.yaml";
    public static final String EXCLUDED = "excluded.yaml";
    public static final String ARTIFACTS = "artifacts";
    public static final String REPORT = "report.md";
    public static final String PLAN = "plan.yaml";
    /** Append-only: one JSON line per review action. */
    public static final String AUDIT = "audit.log";
    /** Written by apply, one file per wave; append-only and outside the digests, since apply appends to it. */
    public static final String JOURNAL = "journal";
    public static final int FORMAT_VERSION = 1;

    private BundleLayout() {
    }

    /**
     * {@code <namespace|_cluster>/<kind>.<name>.yaml}, kind in lower case. Characters a file system may not accept
     * ({@code :} in RBAC names, for one) are percent-encoded; objects of the same kind in different API groups get the
     * group appended so they cannot overwrite each other.
     */
    public static String objectPath(ResourceKey key, boolean qualifyGroup) {
        String folder = key.clusterScoped() ? "_cluster" : safe(key.namespace());
        String kind = key.kind().toLowerCase(Locale.ROOT);
        if (qualifyGroup && !key.group().isEmpty()) {
            kind = kind + "." + safe(key.group());
        }
        return folder + "/" + kind + "." + safe(key.name()) + ".yaml";
    }

    /**
     * The file of every object of one folder ({@code source/} or {@code proposed/}), relative to that folder: the
     * group is added only where two objects would otherwise share a file.
     */
    public static Map<ResourceKey, String> objectPaths(Collection<ResourceKey> keys) {
        Map<String, Integer> plain = new HashMap<>();
        for (ResourceKey key : keys) {
            plain.merge(objectPath(key, false), 1, Integer::sum);
        }
        Map<ResourceKey, String> paths = new LinkedHashMap<>();
        for (ResourceKey key : keys) {
            paths.put(key, objectPath(key, plain.get(objectPath(key, false)) > 1));
        }
        return paths;
    }

    private static String safe(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (char c : segment.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        String result = out.toString();
        return result.equals(".") || result.equals("..") ? result.replace(".", "%2E") : result;
    }
}
