package dev.ferry.plan.report;

import dev.ferry.engine.Direction;

/** The words and commands that differ by direction: cloud names, registries, how an address is read. */
record Clouds(Direction direction) {

    boolean toEks() {
        return direction == Direction.AKS_TO_EKS;
    }

    String source() {
        return toEks() ? "AKS" : "EKS";
    }

    String target() {
        return toEks() ? "EKS" : "AKS";
    }

    String label() {
        return source() + " → " + target();
    }

    /** The placeholder the runbook uses for the kube context of the target cluster. */
    String targetContext() {
        return toEks() ? "EKS_CONTEXT" : "AKS_CONTEXT";
    }

    String sourceContext() {
        return toEks() ? "AKS_CONTEXT" : "EKS_CONTEXT";
    }

    /** What the target's load balancer puts in {@code status.loadBalancer.ingress[0]}: a hostname on AWS, an IP on Azure. */
    String addressField() {
        return toEks() ? "hostname" : "ip";
    }

    String loadBalancer() {
        return toEks() ? "ALB/NLB" : "Application Gateway / Azure Load Balancer";
    }

    String weightedDns() {
        return toEks() ? "weighted DNS records (for example Route 53 weighted routing, or Traffic Manager in front)"
                : "weighted DNS records (for example Azure Traffic Manager weighted routing, or Route 53)";
    }
}
