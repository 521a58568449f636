package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CustomResourceDefinitions of the add-ons a prepared EKS target runs before a migration, because the plan for the
 * demo estate asks for them: Karpenter, the AWS Load Balancer Controller, the Prometheus Operator and the Secrets Store
 * CSI driver. The demo's target sandbox starts with them, as a real target would, so every wave has somewhere to land.
 * Ferry does not carry the source's copies of add-on CRDs (the engine's add-on CRD rules), so none conflicts here.
 */
public final class TargetAddOns {

    private static final String RESOURCE = "/dev/ferry/sandbox/addons/eks-add-ons.yaml";

    private TargetAddOns() {
    }

    public static List<JsonNode> eks() {
        try (InputStream in = TargetAddOns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            ManifestSet set = new ManifestReader().readText("eks-add-ons.yaml",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!set.problems().isEmpty()) {
                throw new IllegalStateException("eks-add-ons.yaml does not parse: " + set.problems().get(0));
            }
            return set.objects().stream().map(KubeObject::copyBody).map(JsonNode.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
