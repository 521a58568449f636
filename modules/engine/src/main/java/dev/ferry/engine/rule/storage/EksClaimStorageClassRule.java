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
 * Points every claim on an EBS or EFS class (PersistentVolumeClaims, StatefulSet {@code volumeClaimTemplates},
 * generic ephemeral volumes) at its AKS class: the {@code storage.classMap} name when mapped (an AKS built-in such as
 * {@code managed-csi-premium} is a valid target). A claim that relied on the estate's default EBS class names it
 * explicitly, because AKS has its own default ({@code default}, Standard SSD). Shared EBS claims are flagged.
 */
public final class EksClaimStorageClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-claim-to-aks-storage-class", "Claims to the AKS StorageClass",
            "Points each claim on an EBS or EFS class at its AKS StorageClass.",
            Edge.STORAGE, Direction.EKS_TO_AKS, EksStorageClasses.CLASS_MAP);

    private static final String DEFAULT_ANNOTATION = AksBuiltInClasses.DEFAULT_ANNOTATION;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        EksStorageClasses index = EksStorageClasses.of(context);
        Optional<String> estateDefault = context.estate().ofKind("StorageClass").stream()
                .filter(c -> "true".equals(c.annotations().get(DEFAULT_ANNOTATION)))
                .filter(c -> EksStorageClasses.familyOf(c.at("/provisioner").asText()).isPresent())
                .map(KubeObject::name).findFirst();
        Map<KubeObject, List<String>> summaries = new LinkedHashMap<>();
        for (Claim claim : index.claims()) {
            RuleOutput.ChangeBuilder change = output.change(claim.owner());
            String what = claim.description();
            String line = null;
            switch (claim.classSource()) {
                case EXPLICIT, BETA_ANNOTATION -> {
                    String name = claim.className("");
                    if (index.family(name).isEmpty()) {
                        continue;
                    }
                    String target = index.targetName(name);
                    if (index.family(name).get() == EksStorageClasses.Family.EBS && claim.sharedAccess()) {
                        change.finding(Finding.warning(what + " asks " + claim.accessModes() + " from EBS class `"
                                + name + "` (io2 multi-attach). Azure Disk shares a disk only with `maxShares` > 1 "
                                + "and raw block; check the class, or move shared files to Azure Files "
                                + "(EDGES.md §4.12)."));
                    }
                    if (!target.equals(name)) {
                        change.replace(claim.classSource() == Claim.ClassSource.EXPLICIT
                                ? claim.specPointer() + "/storageClassName" : claim.annotationPointer(), target);
                        line = "Points " + what + " at StorageClass `" + target + "`";
                    }
                }
                case CLUSTER_DEFAULT -> {
                    if (estateDefault.isPresent()) {
                        String target = index.targetName(estateDefault.get());
                        change.add(claim.specPointer() + "/storageClassName", target);
                        change.finding(Finding.info(what + " used the EKS default class `" + estateDefault.get()
                                + "`; it now names `" + target + "` explicitly, because AKS's own default class is "
                                + "`default` (Standard SSD, EDGES.md §4.2)."));
                        line = "Points " + what + " at StorageClass `" + target + "`";
                    } else {
                        change.finding(Finding.info(what + " names no class; on AKS it lands on the built-in "
                                + "default class `default` (Azure Disk Standard SSD, EDGES.md §4.2)."));
                    }
                }
                default -> {
                }
            }
            if (line != null) {
                summaries.computeIfAbsent(claim.owner(), k -> new ArrayList<>()).add(line);
            }
        }
        summaries.forEach((owner, lines) -> output.change(owner).summary(String.join("; ", lines)).rationale(
                "EDGES.md §4.1/§4.12: RWO claims on EBS move to Azure Disk and RWX claims on EFS to Azure Files; "
                        + "classes keep their names unless storage.classMap renames them. storageClassName is "
                        + "immutable on a live claim; the claim is created fresh on AKS."));
    }
}
