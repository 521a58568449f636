package dev.ferry.plan.waves;

import java.util.Arrays;
import java.util.Locale;

/** What a wave holds, as the planner made it; a wave the user creates is {@link #CUSTOM}. */
public enum WaveKind {
    /** Wave 0: cluster-scoped prerequisites (classes, node pools, CRDs, Namespaces, cluster RBAC). */
    PLATFORM,
    /** The stateless objects of one namespace. */
    STATELESS,
    /** One stateful workload with its claims and the objects only it uses; needs a maintenance window. */
    STATEFUL,
    /** A wave the user created by moving objects into it. */
    CUSTOM;

    /** The word used in plan.yaml: {@code platform}, {@code stateless}, {@code stateful}, {@code custom}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a plan.yaml word, or an exception naming the words that are allowed. */
    public static WaveKind fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown wave kind `" + id
                        + "`; use platform, stateless, stateful or custom"));
    }
}
