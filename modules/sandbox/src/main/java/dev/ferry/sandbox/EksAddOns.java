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
 * The CustomResourceDefinitions an EKS target prepared for the proposed demo estate already has, because the add-ons
 * the migration plan asks for install them: Karpenter ({@code NodePool}, {@code NodeClaim}, {@code EC2NodeClass}),
 * the AWS Load Balancer Controller ({@code TargetGroupBinding}, {@code IngressClassParams}), the Prometheus Operator
 * ({@code PodMonitor}, {@code ServiceMonitor}, {@code PrometheusRule}) and the Secrets Store CSI driver
 * ({@code SecretProviderClass}). {@link SandboxPair} loads them into its target so every wave can be applied.
 */
public final class EksAddOns {

    private static final String RESOURCE = "/dev/ferry/sandbox/eks/addon-crds.yaml";

    private EksAddOns() {
    }

    /** The add-ons' CustomResourceDefinitions; each call returns fresh copies. */
    public static List<JsonNode> customResourceDefinitions() {
        List<JsonNode> crds = new ArrayList<>();
        try (InputStream in = EksAddOns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The EKS add-on CRDs are missing from the build: " + RESOURCE);
            }
            ManifestSet set = new ManifestReader().readText("addon-crds.yaml",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!set.problems().isEmpty()) {
                throw new IllegalStateException("The EKS add-on CRDs do not parse: " + set.problems().get(0));
            }
            set.objects().stream().map(KubeObject::copyBody).forEach(crds::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoEstate.customResourceDefinitions().stream()
                .filter(crd -> crd.path("spec").path("group").asText().equals("secrets-store.csi.x-k8s.io"))
                .forEach(crds::add);
        return crds;
    }
}
