package dev.ferry.engine.rule.registry;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Points every container image on Amazon ECR (init, regular and ephemeral containers of every workload kind) at the
 * Azure Container Registry named by {@code registry.acrLoginServer}, keeping the repository path and the tag or
 * digest. Images behind a default ECR pull-through cache prefix are flagged with their upstream.
 */
public final class EcrImageToAcrRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ecr-image-to-acr", "ECR images to ACR",
            "Rewrites ECR image references to the target Azure Container Registry, keeping repository path and tag or digest.",
            Edge.REGISTRY, Direction.EKS_TO_AKS, EcrImage.LOGIN_SERVER);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        MigrationSettings settings = context.settings();
        List<String> moved = new ArrayList<>();
        TreeSet<String> cached = new TreeSet<>();
        for (PodTemplates.ContainerRef container : PodTemplates.containers(object)) {
            Optional<EcrImage> image = EcrImage.parse(container.image());
            if (image.isEmpty()) {
                continue;
            }
            String target = image.get().target(settings);
            output.change(object).replace(container.pointer() + "/image", target);
            moved.add(container.name() + ": " + image.get().reference() + " → " + target);
            image.get().upstreamImage().ifPresent(upstream -> cached.add(image.get().path() + " (" + upstream + ")"));
        }
        if (moved.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary(moved.size() == 1 ? "Image moves to ACR" : moved.size() + " images move to ACR")
                .rationale("EDGES.md §5.5: the repository path and tag or digest are kept, only the registry host "
                        + "changes. AKS nodes pull from ACR with the kubelet identity once the registry is attached "
                        + "(`az aks update --attach-acr`, EDGES.md §5.2), so no pull secret is needed. Images: "
                        + String.join("; ", moved) + ". Import them first (artifacts/registry/).");
        if (!cached.isEmpty()) {
            change.finding(Finding.warning("Image path(s) " + String.join(", ", cached) + " start with a default ECR "
                    + "pull-through cache prefix (EDGES.md §5.4; prefixes are user-chosen, so check). Import the "
                    + "upstream image into ACR under the same path, or create an ACR cache rule for that path."));
        }
        if (settings.text(EcrImage.LOGIN_SERVER).isEmpty()) {
            change.finding(Finding.missingSetting(EcrImage.LOGIN_SERVER, "The target Azure Container Registry is "
                    + "unknown: set registry.acrLoginServer (for example shopacr.azurecr.io) in settings.yaml; the "
                    + "image shows " + EcrImage.ACR_PLACEHOLDER + " until then."));
        }
    }
}
