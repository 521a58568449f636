package dev.ferry.engine.rule.storage;

import dev.ferry.engine.Finding;
import java.util.List;
import java.util.Map;

/**
 * What an Azure StorageClass becomes on EKS, before it is written as a patch or a generated object.
 *
 * @param provisioner  the EKS CSI driver
 * @param parameters   the complete target parameters, in the order they should appear
 * @param mountOptions the target mount options; {@code null} keeps the source's
 * @param topologyKey  the key replacing {@code topology.disk.csi.azure.com/zone} in allowedTopologies, or null
 * @param findings     what the reviewer must know
 * @param summary      one line
 * @param rationale    why, citing EDGES.md
 */
record ClassTranslation(String provisioner, Map<String, String> parameters, List<String> mountOptions,
                        String topologyKey, List<Finding> findings, String summary, String rationale) {
}
