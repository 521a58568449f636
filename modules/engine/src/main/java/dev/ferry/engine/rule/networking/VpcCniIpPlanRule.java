package dev.ferry.engine.rule.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code networking/ip-plan.md}: an estimate of the VPC IP addresses the estate's pods need on the Amazon
 * VPC CNI, where every pod takes a VPC address (on AKS overlay or kubenet they did not), with the max-pods and
 * subnet sizing figures of EDGES.md §8.1–§8.3 for common instance types. It proposes no change to any object.
 */
public final class VpcCniIpPlanRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("vpc-cni-ip-plan", "VPC CNI pod IP plan",
            "Estimates how many VPC IP addresses the estate's pods need on the Amazon VPC CNI and how large the node "
                    + "subnets must be.",
            Edge.NETWORKING, Direction.AKS_TO_EKS);

    static final String PATH = "networking/ip-plan.md";

    /** EDGES.md §8.1: an instance type's vCPUs, max ENIs and IPv4 addresses per ENI. */
    private record Instance(String type, int vcpu, int enis, int ipsPerEni) {
    }

    private static final List<Instance> INSTANCES = List.of(
            new Instance("t3.medium", 2, 3, 6), new Instance("t3.large", 2, 3, 12),
            new Instance("t3.xlarge", 4, 4, 15), new Instance("m5.large", 2, 3, 10),
            new Instance("m5.xlarge", 4, 4, 15), new Instance("m5.2xlarge", 8, 4, 15),
            new Instance("m5.4xlarge", 16, 8, 30), new Instance("m5.8xlarge", 32, 8, 30),
            new Instance("m5.16xlarge", 64, 15, 50));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        Map<String, Integer> hpaMax = new TreeMap<>();
        for (KubeObject hpa : context.estate().ofKind("HorizontalPodAutoscaler")) {
            hpaMax.put(hpa.namespace() + "/" + hpa.at("/spec/scaleTargetRef/kind").asText() + "/"
                    + hpa.at("/spec/scaleTargetRef/name").asText(), hpa.at("/spec/maxReplicas").asInt(0));
        }
        StringBuilder rows = new StringBuilder();
        int pods = 0;
        int peak = 0;
        List<String> daemonSets = new ArrayList<>();
        for (KubeObject object : context.estate().objects()) {
            String spec = PodTemplates.specPointer(object).orElse(null);
            if (spec == null || object.at(spec + "/hostNetwork").asBoolean(false)) {
                continue;
            }
            if (object.kind().equals("DaemonSet")) {
                daemonSets.add(object.namespace() + "/" + object.name());
                continue;
            }
            int count = podCount(object);
            Integer max = hpaMax.get(object.namespace() + "/" + object.kind() + "/" + object.name());
            String note = "";
            if (max != null && max > count) {
                count = max;
                note = "HPA maxReplicas";
            }
            int surge = object.kind().equals("Deployment") || object.kind().equals("Rollout")
                    ? (int) Math.ceil(count * 1.25) : count;
            pods += count;
            peak += surge;
            rows.append("| ").append(object.kind()).append(" | ").append(object.namespace().isEmpty() ? "-"
                    : object.namespace()).append(" | ").append(object.name()).append(" | ").append(count)
                    .append(" | ").append(note).append(" |\n");
        }
        if (rows.isEmpty() && daemonSets.isEmpty()) {
            return;
        }
        output.artifact(PATH, render(context, rows.toString(), pods, peak, daemonSets),
                "Pod IP demand on the Amazon VPC CNI, max pods per instance type and subnet sizing (EDGES.md §8).");
    }

    private static int podCount(KubeObject object) {
        return switch (object.kind()) {
            case "Pod" -> 1;
            case "Job" -> object.at("/spec/parallelism").asInt(1);
            case "CronJob" -> object.at("/spec/jobTemplate/spec/parallelism").asInt(1);
            default -> object.at("/spec/replicas").asInt(1);
        };
    }

    private static String render(RuleContext context, String rows, int pods, int peak, List<String> daemonSets) {
        List<KubeObject> nodes = context.estate().nodes();
        TreeSet<String> sizes = new TreeSet<>();
        nodes.forEach(n -> sizes.add(n.labels().getOrDefault("node.kubernetes.io/instance-type", "unknown")));
        int perNode = daemonSets.size();
        StringBuilder md = new StringBuilder();
        md.append("# Pod IP plan for the Amazon VPC CNI\n\n")
                .append("On EKS every pod that does not use `hostNetwork` takes an address from the VPC ")
                .append("(EDGES.md §8.4); ")
                .append("on AKS with Azure CNI Overlay or kubenet it did not. Size the node subnets before wave 0.\n\n")
                .append("## Demand\n\n")
                .append("- Workload pods (replicas, or HPA `maxReplicas` when higher): **").append(pods).append("**\n")
                .append("- Peak during rolling updates (Deployments +25 % surge, the default): **").append(peak)
                .append("**\n")
                .append("- DaemonSets that take a pod IP on every node: **").append(perNode).append("**")
                .append(daemonSets.isEmpty() ? "" : " (" + String.join(", ", daemonSets) + ")").append("\n")
                .append("- Source nodes: ").append(nodes.isEmpty() ? "unknown (manifests were read from files)"
                        : nodes.size() + " (" + String.join(", ", sizes) + ")").append("\n\n")
                .append("Assumptions: Jobs count their `parallelism`, CronJobs one run at a time; `hostNetwork` pods ")
                .append("use the node's address; add-on pods of the target (CoreDNS, controllers) are not counted, ")
                .append("so keep headroom.\n\n")
                .append("| kind | namespace | name | pods | note |\n|---|---|---|---|---|\n").append(rows)
                .append("\n## Max pods and subnet size per instance type (EDGES.md §8.1, §8.3)\n\n")
                .append("Secondary-IP mode (the default): `maxPods = ENIs × (IPs per ENI − 1) + 2`; the node also ")
                .append("holds a whole spare ENI of addresses (`WARM_ENI_TARGET=1`). \"Nodes\" counts only the IP ")
                .append("limit; CPU and memory may need more (autoscaling edge). \"Subnet per AZ\" spreads nodes ")
                .append("over 3 AZs and adds the 5 addresses AWS reserves per subnet.\n\n")
                .append("| instance | vCPU | max pods | prefix delegation (capped) | nodes for ").append(peak)
                .append(" pods | VPC IPs used | subnet per AZ |\n|---|---|---|---|---|---|---|\n");
        for (Instance instance : INSTANCES) {
            int maxPods = instance.enis() * (instance.ipsPerEni() - 1) + 2;
            int prefix = Math.min(instance.enis() * ((instance.ipsPerEni() - 1) * 16) + 2,
                    instance.vcpu() > 30 ? 250 : 110);
            int usable = Math.max(1, maxPods - 2 - perNode);
            int nodeCount = Math.max(1, (int) Math.ceil(peak / (double) usable));
            int ips = peak + nodeCount * (perNode + 1 + instance.ipsPerEni());
            int perAz = (int) Math.ceil(ips / 3.0) + 5;
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | /%d |%n", instance.type(),
                    instance.vcpu(), maxPods, prefix, nodeCount, ips, prefixLength(perAz)));
        }
        md.append("\n## Advice (EDGES.md §8.2, §8.3)\n\n")
                .append("- Give each AZ its own private node subnet at least as large as the table says, with room to ")
                .append("grow: a subnet cannot be resized, only added.\n")
                .append("- Many small pods per node: enable prefix delegation (`ENABLE_PREFIX_DELEGATION=true`, Nitro ")
                .append("only) and set kubelet `maxPods`; it needs contiguous free /28 blocks, so start with an empty ")
                .append("subnet.\n")
                .append("- Short of VPC space: custom networking puts pods in a secondary CIDR (for example ")
                .append("100.64.0.0/10) through `ENIConfig` objects, at the cost of one ENI per node.\n")
                .append("- The Service CIDR (default 10.100.0.0/16 or 172.20.0.0/16) must not overlap the VPC or ")
                .append("networks the pods call.\n");
        return md.toString();
    }

    /** The longest prefix whose subnet holds {@code addresses}. */
    static int prefixLength(int addresses) {
        int length = 28;
        while (length > 16 && (1 << (32 - length)) < addresses) {
            length--;
        }
        return length;
    }
}
