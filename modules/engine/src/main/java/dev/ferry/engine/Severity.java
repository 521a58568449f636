package dev.ferry.engine;

import java.util.Arrays;

/** How much a finding needs a human: {@code action-required} blocks the wave that contains its resource. */
public enum Severity {
    INFO("info"),
    WARNING("warning"),
    ACTION_REQUIRED("action-required");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Severity fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity `" + id + "`"));
    }

    @Override
    public String toString() {
        return id;
    }
}
