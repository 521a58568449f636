package dev.ferry.engine.patch;

import java.util.ArrayList;
import java.util.List;

/** Builds and splits JSON Pointers (RFC 6901), escaping {@code ~} and {@code /} in keys such as annotation names. */
public final class Pointer {

    private Pointer() {
    }

    /** {@code Pointer.of("metadata", "annotations", "eks.amazonaws.com/role-arn")}. */
    public static String of(Object... segments) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(escape(String.valueOf(segment)));
        }
        return pointer.toString();
    }

    /** Appends segments to an existing pointer. */
    public static String child(String parent, Object... segments) {
        return parent + of(segments);
    }

    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    public static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(unescape(raw));
        }
        return segments;
    }

    /** True when {@code a} equals {@code b} or one contains the other. */
    public static boolean overlaps(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }
}
