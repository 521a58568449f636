package dev.ferry.engine;

import java.util.Arrays;
import java.util.Locale;

/** The cloud-coupled concern a change belongs to. Every change belongs to exactly one edge. */
public enum Edge {
    IDENTITY("identity"),
    INGRESS("ingress"),
    LOAD_BALANCER("load-balancer"),
    STORAGE("storage"),
    REGISTRY("registry"),
    SECRETS("secrets"),
    AUTOSCALING("autoscaling"),
    NETWORKING("networking"),
    MONITORING("monitoring"),
    /** A reviewer's hand edit of a proposed object. */
    MANUAL("manual");

    private final String id;

    Edge(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Edge fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown edge `" + id + "`; edges are "
                        + Arrays.stream(values()).map(Edge::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
