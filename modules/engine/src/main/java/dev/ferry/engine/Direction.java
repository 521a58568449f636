package dev.ferry.engine;

import java.util.Arrays;

/** Which way a migration goes. Rules are organised by edge and direction. */
public enum Direction {
    AKS_TO_EKS("aks-to-eks"),
    EKS_TO_AKS("eks-to-aks");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Direction fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown direction `" + id
                        + "`; use aks-to-eks or eks-to-aks"));
    }

    @Override
    public String toString() {
        return id;
    }
}
