package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.io.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags every bound claim on an EBS or EFS class (the sanitizer's {@code observed().get("bound")}) for a data copy,
 * and writes the Velero storage-class mapping ConfigMap ({@code velero/change-storage-class-config.yaml}, EDGES.md
 * §10.3) mapping each EBS/EFS class to its AKS class, for teams that back up on EKS and restore on AKS with Velero.
 */
public final class EksVolumeDataCopyRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-volume-data-copy-to-azure", "EBS/EFS data copy and Velero mapping",
            "Flags bound EBS and EFS claims for a data copy and writes the Velero storage-class mapping for the "
                    + "restore on AKS.",
            Edge.STORAGE, Direction.EKS_TO_AKS, EksStorageClasses.CLASS_MAP);

    static final String ARTIFACT = "velero/change-storage-class-config.yaml";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        EksStorageClasses index = EksStorageClasses.of(context);
        List<String> bound = new ArrayList<>();
        for (Claim claim : index.claims()) {
            String name = claim.className("");
            if (!claim.pointer().isEmpty() || !"true".equals(claim.owner().observed().get("bound"))
                    || index.family(name).isEmpty()) {
                continue;
            }
            boolean ebs = index.family(name).get() == EksStorageClasses.Family.EBS;
            bound.add(claim.description());
            output.change(claim.owner())
                    .summary("Bound claim: copy its data")
                    .rationale("EDGES.md §10.2/§10.3: provider snapshots do not cross clouds; the data of a bound "
                            + "claim moves with Velero file-system backup (Kopia) or CSI snapshot data movement into "
                            + "the object store, then is restored on AKS into a fresh "
                            + (ebs ? "Azure disk." : "Azure file share."))
                    .finding(Finding.actionRequired(claim.description() + " is bound to an " + (ebs ? "EBS volume"
                            : "EFS access point") + " of class `" + name + "`. Back it up with Velero "
                            + "(`--default-volumes-to-fs-backup` or `--snapshot-move-data`), copy the backup from S3 "
                            + "to Azure Blob, and restore on AKS with the storage-class mapping in artifacts/"
                            + ARTIFACT + "; or copy the files yourself before switching traffic."));
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (EksStorageClasses.Family family : EksStorageClasses.Family.values()) {
            for (String name : index.classes(family)) {
                mapping.put(name, index.targetName(name));
            }
        }
        if (mapping.isEmpty()) {
            return;
        }
        ObjectNode configMap = JsonNodeFactory.instance.objectNode();
        configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = configMap.putObject("metadata");
        metadata.put("name", "change-storage-class-config").put("namespace", "velero");
        metadata.putObject("labels").put("velero.io/plugin-config", "")
                .put("velero.io/change-storage-class", "RestoreItemAction");
        ObjectNode data = configMap.putObject("data");
        mapping.forEach(data::put);
        output.artifact(ARTIFACT, "# Velero storage-class mapping for restoring the EKS backup on AKS "
                        + "(EDGES.md §10.3).\n# Apply it in the velero namespace of the AKS cluster before `velero "
                        + "restore`. Classes that keep their name map to themselves;\n# edit a value to restore into an "
                        + "AKS built-in class (e.g. managed-csi-premium) instead.\n"
                        + (bound.isEmpty() ? "" : "# Bound claims to restore: " + String.join("; ", bound) + "\n")
                        + Yaml.write(configMap),
                "Velero change-storage-class ConfigMap mapping EBS/EFS classes to AKS classes");
    }
}
