package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Drops static PersistentVolumes that name an Azure disk, file share or blob container (CSI or in-tree) with an
 * action-required finding, and flags the claim bound to each: the volume names a resource that exists only in
 * Azure, so no EKS driver can ever attach it.
 */
public final class AzureStaticVolumeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-static-volume-to-review", "Static Azure volume to review",
            "Drops each static PersistentVolume that names an Azure disk, share or container and asks for a copy "
                    + "into a new EBS or EFS volume.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "PersistentVolume")) {
            return;
        }
        Optional<StorageFamily> family = family(object.at("/spec"));
        if (family.isEmpty()) {
            return;
        }
        String resource = resourceName(object.at("/spec"), family.get());
        String target = family.get() == StorageFamily.DISK ? "an EBS volume (static PV: driver ebs.csi.aws.com, "
                + "volumeHandle vol-...)" : family.get() == StorageFamily.FILE ? "an EFS file system or access point "
                + "(static PV: driver efs.csi.aws.com, volumeHandle fs-...[::fsap-...])" : "an S3 bucket (static PV: "
                + "driver s3.csi.aws.com)";
        JsonNode claimRef = object.at("/spec/claimRef");
        String claim = claimRef.isObject() ? claimRef.path("namespace").asText() + "/"
                + claimRef.path("name").asText() : "";
        output.drop(object, "Static " + family.get().displayName() + " volume not carried",
                "EDGES.md §4.3/§4.4: a static PersistentVolume names an existing Azure resource by its id; EKS has "
                        + "no driver for it, so the object is dropped rather than carried into a volume that can never "
                        + "attach. Its zone nodeAffinity goes with it. The data is moved by hand into a new volume.",
                Finding.actionRequired("PersistentVolume `" + object.name() + "` names " + family.get().displayName()
                        + " `" + resource + "`" + (claim.isEmpty() ? "" : " (claim " + claim + ")")
                        + ". Create " + target + ", copy the data into it, and define a static PersistentVolume for "
                        + "it, or let the claim provision a new volume from its translated class and copy the data "
                        + "there (EDGES.md §4.1, §10.3)."));
        for (KubeObject pvc : context.estate().ofKind("PersistentVolumeClaim")) {
            boolean referenced = claimRef.isObject() && pvc.namespace().equals(claimRef.path("namespace").asText())
                    && pvc.name().equals(claimRef.path("name").asText());
            if (referenced || object.name().equals(pvc.observed().get("volumeName"))) {
                output.finding(pvc, Finding.actionRequired("Claim `" + Claim.qualified(pvc) + "` was bound to "
                        + "static Azure volume `" + object.name() + "`, which is not carried to EKS. Bind it to a new "
                        + "static volume, or let it provision from its class; either way copy the data "
                        + "(EDGES.md §10.3)."));
            }
        }
    }

    static Optional<StorageFamily> family(JsonNode volumeSource) {
        if (volumeSource.has("azureDisk")) {
            return Optional.of(StorageFamily.DISK);
        }
        if (volumeSource.has("azureFile")) {
            return Optional.of(StorageFamily.FILE);
        }
        return StorageFamily.ofDriver(volumeSource.path("csi").path("driver").asText());
    }

    /** A short name of the Azure resource, never a full ARM id (which carries the subscription). */
    static String resourceName(JsonNode volumeSource, StorageFamily family) {
        if (volumeSource.has("azureDisk")) {
            return volumeSource.path("azureDisk").path("diskName").asText("?");
        }
        if (volumeSource.has("azureFile")) {
            return volumeSource.path("azureFile").path("shareName").asText("?");
        }
        JsonNode csi = volumeSource.path("csi");
        String share = csi.path("volumeAttributes").path("shareName").asText(
                csi.path("volumeAttributes").path("containerName").asText(""));
        if (family != StorageFamily.DISK && !share.isEmpty()) {
            return share;
        }
        String handle = csi.path("volumeHandle").asText("?");
        String[] parts = handle.split("[/#]");
        return parts.length == 0 ? handle : parts[parts.length - 1];
    }
}
