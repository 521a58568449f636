package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Translates every Azure Disk StorageClass the estate defines or its claims name (AKS built-ins such as
 * {@code default} and {@code managed-csi-premium} included) into an EBS CSI class: gp3 or io2 by the tier table,
 * performance sized from the claims, encryption kept, Azure-only parameters dropped with notes. A defined class
 * keeping its name is patched in place; a built-in or a class renamed by {@code storage.classMap} is generated.
 */
public final class AzureDiskClassToEbsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-disk-class-to-ebs", "Azure Disk StorageClass to EBS",
            "Turns each Azure Disk StorageClass, defined or built-in, into an EBS CSI class with the matching volume "
                    + "type and performance.",
            Edge.STORAGE, Direction.AKS_TO_EKS, StorageClassIndex.CLASS_MAP, EbsClassMapping.KMS_KEY_SETTING,
            "zones");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        StorageClassIndex index = StorageClassIndex.of(context);
        Set<String> emitted = new HashSet<>();
        for (String name : index.classes(StorageFamily.DISK)) {
            ObjectNode source = index.sourceBody(name).orElseThrow();
            List<Double> sizes = index.claimsOf(name).stream()
                    .map(Claim::sizeGiB)
                    .filter(OptionalDouble::isPresent)
                    .map(OptionalDouble::getAsDouble)
                    .toList();
            ClassTranslation translation = EbsClassMapping.translate(name, source, sizes, context.settings());
            StorageClassWriter.write(output, context, index, name, source, translation, emitted);
        }
    }
}
