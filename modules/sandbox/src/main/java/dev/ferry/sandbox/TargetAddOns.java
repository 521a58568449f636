package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CustomResourceDefinitions of the add-ons a prepared EKS target runs before a migration, because the plan for
 * the demo estate asks for them: Karpenter ({@code NodePool}, {@code NodeClaim}, {@code EC2NodeClass}), the AWS Load
 * Balancer Controller ({@code TargetGroupBinding}, {@code IngressClassParams}), the Prometheus Operator
 * ({@code PodMonitor}, {@code ServiceMonitor}, {@code PrometheusRule}) and the Secrets Store CSI driver
 * ({@code SecretProviderClass}). The demo's target sandbox starts with them, as a real target would, so every wave
 * has somewhere to land.
 */
public final class TargetAddOns {

    private static final String RESOURCE = "/dev/ferry/sandbox/target/eks-add-ons.yaml";

    private TargetAddOns() {
    }

    /** The add-ons' CustomResourceDefinitions; each call returns fresh copies. */
    public static List<JsonNode> eks() {
        List<JsonNode> crds = new ArrayList<>();
        try (InputStream in = TargetAddOns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The EKS add-on CRDs are missing from the build: " + RESOURCE);
            }
            ManifestSet set = new ManifestReader().readText("eks-add-ons.yaml",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!set.problems().isEmpty()) {
                throw new IllegalStateException("eks-add-ons.yaml does not parse: " + set.problems().get(0));
            }
            set.objects().stream().map(KubeObject::copyBody).forEach(crds::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the same SecretProviderClass CRD as the source's, so applying the source's copy changes nothing
        DemoEstate.customResourceDefinitions().stream()
                .filter(crd -> crd.path("spec").path("group").asText().equals("secrets-store.csi.x-k8s.io"))
                .forEach(crds::add);
        return crds;
    }
}
