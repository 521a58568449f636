package dev.ferry.engine.rule.storage;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points every claim (PersistentVolumeClaims, StatefulSet claim templates, generic ephemeral volumes) at its EKS
 * StorageClass: the {@code storage.classMap} name when mapped, and an explicit class name when the claim relied on
 * the AKS default class. Checks access modes: shared claims on Azure Disk and claims on Azure Blob are left alone
 * with an action-required finding, because neither may land on EBS.
 */
public final class ClaimStorageClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("claim-to-target-storage-class", "Claims to the EKS StorageClass",
            "Points each claim at its EKS StorageClass and flags access modes the target storage cannot serve.",
            Edge.STORAGE, Direction.AKS_TO_EKS, StorageClassIndex.CLASS_MAP);

    private static final String RATIONALE = "EDGES.md §4.12: ReadWriteMany claims on Azure Files move to EFS and "
            + "ReadWriteOnce claims on Azure Disk to EBS; a shared claim is never mapped to EBS. Classes keep their "
            + "names unless storage.classMap renames them, and a claim that used the AKS default class names its class "
            + "explicitly, because an EKS cluster has no default class or a different one (EDGES.md §4.1). "
            + "storageClassName is immutable on a live claim; the claim is created fresh on EKS.";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        StorageClassIndex index = StorageClassIndex.of(context);
        Map<KubeObject, List<String>> summaries = new LinkedHashMap<>();
        for (Claim claim : index.claims()) {
            String summary = point(claim, index, output.change(claim.owner()));
            if (summary != null) {
                summaries.computeIfAbsent(claim.owner(), k -> new ArrayList<>()).add(summary);
            }
        }
        summaries.forEach((owner, lines) -> output.change(owner).summary(String.join("; ", lines))
                .rationale(RATIONALE));
    }

    /** Records the claim's operations and findings; returns a summary line, or null when nothing was recorded. */
    private static String point(Claim claim, StorageClassIndex index, RuleOutput.ChangeBuilder change) {
        String name = claim.className(index.defaultClass());
        if (name.isEmpty()) {
            return null;
        }
        Optional<StorageFamily> family = index.family(name);
        String what = claim.description();
        snapshotSource(claim, change);
        if (family.isPresent() && family.get() == StorageFamily.BLOB) {
            change.finding(Finding.actionRequired(what + " uses Azure Blob class `" + name + "`, which has no "
                    + "dynamic provisioner on EKS. Bind it to a static Mountpoint for S3 volume or an EFS class by "
                    + "hand (EDGES.md §4.5)."));
            return "Left " + what + " on Azure Blob class `" + name + "` for review";
        }
        if (family.isPresent() && family.get() == StorageFamily.DISK && claim.sharedAccess()) {
            change.finding(Finding.actionRequired(what + " asks " + claim.accessModes() + " from Azure Disk class `"
                    + name + "` (a shared disk). EBS cannot serve it except as io2 multi-attach with volumeMode "
                    + "Block; point it at an EFS class for shared files, or at an io2 multi-attach class for shared "
                    + "raw block (EDGES.md §4.12). The claim is left unchanged."));
            return "Left shared " + what + " on Azure Disk class `" + name + "` for review";
        }
        if (claim.accessModes().contains("ReadWriteOncePod") && family.isPresent()) {
            change.finding(Finding.warning(what + " asks ReadWriteOncePod; the " + (family.get() == StorageFamily.FILE
                    ? "EFS" : "EBS") + " CSI driver does not advertise it. Verify before relying on it, or use "
                    + "ReadWriteOnce (EDGES.md §4.12)."));
        }
        boolean mapped = index.mapped(name);
        if (family.isEmpty() && !mapped) {
            if (!index.known(name)) {
                change.finding(Finding.warning(what + " names StorageClass `" + name + "`, which this estate does "
                        + "not define and AKS does not build in. Make sure a class of that name exists on EKS, or map "
                        + "it in storage.classMap."));
            }
            return null;
        }
        String target = index.targetName(name);
        switch (claim.classSource()) {
            case EXPLICIT -> {
                if (target.equals(name)) {
                    return null;
                }
                change.replace(claim.specPointer() + "/storageClassName", target);
            }
            case BETA_ANNOTATION -> {
                if (target.equals(name)) {
                    return null;
                }
                change.replace(claim.annotationPointer(), target);
            }
            case CLUSTER_DEFAULT -> {
                change.add(claim.specPointer() + "/storageClassName", target);
                change.finding(Finding.info(what + " used the AKS default class `" + name + "`; it now names `"
                        + target + "` explicitly."));
            }
            default -> {
                return null;
            }
        }
        if (mapped && !index.known(name)) {
            change.finding(Finding.info(what + " moves from `" + name + "` to `" + target + "` by storage.classMap; "
                    + "Ferry does not know `" + name + "`, so make sure `" + target + "` exists on EKS."));
        }
        return "Points " + what + " at StorageClass `" + target + "`";
    }

    private static void snapshotSource(Claim claim, RuleOutput.ChangeBuilder change) {
        String kind = claim.spec().path("dataSource").path("kind").asText();
        if (kind.equals("VolumeSnapshot")) {
            change.finding(Finding.warning(claim.description() + " is restored from VolumeSnapshot `"
                    + claim.spec().path("dataSource").path("name").asText() + "`, an Azure snapshot that does not "
                    + "exist on EKS. Restore the data another way, or take the snapshot again on EKS after the data "
                    + "is copied (EDGES.md §4.11)."));
        }
    }
}
