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

/**
 * Points every container image on Azure Container Registry (init, regular and ephemeral containers of every
 * workload kind) at Amazon ECR, keeping the repository path and the tag or digest.
 */
public final class AcrImageToEcrRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("acr-image-to-ecr", "ACR images to ECR",
            "Rewrites *.azurecr.io image references to the target account's ECR registry, keeping repository path and tag or digest.",
            Edge.REGISTRY, Direction.AKS_TO_EKS, "registry.map", "aws.accountId", "aws.region");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        MigrationSettings settings = context.settings();
        List<String> moved = new ArrayList<>();
        boolean placeholder = false;
        for (PodTemplates.ContainerRef container : PodTemplates.containers(object)) {
            Optional<AcrImage> image = AcrImage.parse(container.image());
            if (image.isEmpty()) {
                continue;
            }
            String target = image.get().target(settings);
            output.change(object).replace(container.pointer() + "/image", target);
            moved.add(container.name() + ": " + image.get().reference() + " → " + target);
            placeholder |= image.get().isPlaceholder();
        }
        if (moved.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary(moved.size() == 1 ? "Image moves to ECR" : moved.size() + " images move to ECR")
                .rationale("EDGES.md §5.5: the repository path and tag or digest are kept, only the registry host "
                        + "changes. EKS nodes pull from ECR with their node IAM role (§5.2), so no pull secret is "
                        + "needed. Images: " + String.join("; ", moved) + ". Copy them first (artifacts/registry/).");
        if (placeholder) {
            change.finding(Finding.warning("An image names a placeholder registry (such as YOUR_ACR.azurecr.io) "
                    + "that was never a real ACR; the ECR reference keeps the repository path, so push the image "
                    + "there under that path."));
        }
        if (settings.map("registry.map").isEmpty() && settings.text("aws.accountId").isEmpty()) {
            change.finding(Finding.missingSetting("aws.accountId", "The target ECR registry is unknown: set "
                    + "aws.accountId and aws.region (or registry.map) in settings.yaml; the image shows "
                    + AcrImage.ACCOUNT_PLACEHOLDER + " until then."));
        } else if (settings.map("registry.map").isEmpty() && settings.text("aws.region").isEmpty()) {
            change.finding(Finding.missingSetting("aws.region", "The ECR region is unknown: set aws.region in "
                    + "settings.yaml; the image shows " + AcrImage.REGION_PLACEHOLDER + " until then."));
        }
    }
}
