package dev.ferry.cluster.apply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every Secret value supplied at apply time (as text and as base64) with {@code <redacted>} in messages
 * before they are shown, logged or journaled, in case a server echoes a value back in an error.
 */
final class SecretScrubber {

    private static final int SHORTEST = 4;
    private final List<String> needles = new ArrayList<>();

    void add(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8).strip();
        if (text.length() >= SHORTEST) {
            needles.add(text);
        }
        String base64 = Base64.getEncoder().encodeToString(value);
        if (base64.length() >= SHORTEST) {
            needles.add(base64);
        }
        needles.sort(Comparator.comparingInt(String::length).reversed());
    }

    String scrub(String message) {
        if (message == null || needles.isEmpty()) {
            return message;
        }
        String out = message;
        for (String needle : needles) {
            out = out.replace(needle, "<redacted>");
        }
        return out;
    }
}
