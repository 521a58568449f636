package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The EKS side of Karpenter: which NodePools and node classes are AWS ones (EDGES.md §7.4, §7.5). */
final class KarpenterNodePools {

    static final String EC2_GROUP = "karpenter.k8s.aws";
    static final String AUTO_MODE_GROUP = "eks.amazonaws.com";

    private KarpenterNodePools() {
    }

    /** A {@code karpenter.sh} NodePool whose node class is an EC2NodeClass or an EKS Auto Mode NodeClass. */
    static boolean isAwsNodePool(KubeObject object) {
        if (!object.kind().equals("NodePool") || !object.apiVersion().startsWith("karpenter.sh/")) {
            return false;
        }
        JsonNode ref = object.at("/spec/template/spec/nodeClassRef");
        String group = ref.path("group").asText("");
        // some examples write the group with its version (karpenter.k8s.aws/v1)
        return group.equals(EC2_GROUP) || group.startsWith(EC2_GROUP + "/") || group.equals(AUTO_MODE_GROUP)
                || ref.path("kind").asText("").equals("EC2NodeClass");
    }

    static boolean isEc2NodeClass(KubeObject object) {
        return object.kind().equals("EC2NodeClass") && object.apiVersion().startsWith(EC2_GROUP + "/");
    }

    /** The values of the requirements on {@code key} with operator In, in order. */
    static List<String> values(KubeObject nodePool, String key) {
        List<String> values = new ArrayList<>();
        for (JsonNode requirement : nodePool.at("/spec/template/spec/requirements")) {
            if (key.equals(requirement.path("key").asText()) && "In".equals(requirement.path("operator").asText())) {
                requirement.path("values").forEach(v -> values.add(v.asText()));
            }
        }
        return values;
    }

    /** The root volume size in GiB of an EC2NodeClass, if it sets one. */
    static Optional<Integer> rootVolumeGiB(KubeObject nodeClass) {
        JsonNode mappings = nodeClass.at("/spec/blockDeviceMappings");
        JsonNode root = null;
        for (JsonNode mapping : mappings) {
            if (mapping.path("rootVolume").asBoolean(false) || root == null) {
                root = mapping;
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        String size = root.path("ebs").path("volumeSize").asText("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(Gi|G|Ti|T)?").matcher(size);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return Optional.of(m.group(2) != null && m.group(2).startsWith("T") ? n * 1024 : n);
    }
}
