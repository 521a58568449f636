package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * EKS → AKS side of the storage edge: the EBS and EFS StorageClasses the estate defines or its claims name (the EKS
 * built-in {@code gp2} included), and their target names.
 *
 * <p>Naming, as in the other direction: a class keeps its name on AKS unless {@code storage.classMap} maps it. A
 * class mapped to an AKS built-in ({@code managed-csi-premium}, {@code azurefile-csi-premium}, EDGES.md §4.2) is not
 * generated: AKS provides and reconciles it.
 */
final class EksStorageClasses {

    static final String CLASS_MAP = StorageClassIndex.CLASS_MAP;
    static final String EBS_AUTO_MODE = "ebs.csi.eks.amazonaws.com";
    static final String EBS_IN_TREE = "kubernetes.io/aws-ebs";
    /** EKS clusters created before 1.30 carry this class without a manifest (EDGES.md §4.1). */
    static final String EKS_BUILT_IN = "gp2";

    enum Family { EBS, EFS }

    private final Map<String, KubeObject> defined = new LinkedHashMap<>();
    private final Map<String, String> classMap;
    private final List<Claim> claims = new ArrayList<>();

    private EksStorageClasses(RuleContext context) {
        for (KubeObject object : context.estate().ofKind("StorageClass")) {
            if (object.isKind("storage.k8s.io", "StorageClass")) {
                defined.put(object.name(), object);
            }
        }
        classMap = context.settings().map(CLASS_MAP);
        for (KubeObject object : context.estate().objects()) {
            claims.addAll(Claim.of(object));
        }
    }

    static EksStorageClasses of(RuleContext context) {
        return context.memo(EksStorageClasses.class, EksStorageClasses::new);
    }

    static Optional<Family> familyOf(String provisioner) {
        return switch (provisioner == null ? "" : provisioner.strip()) {
            case StorageFamily.EBS_DRIVER, EBS_AUTO_MODE, EBS_IN_TREE -> Optional.of(Family.EBS);
            case StorageFamily.EFS_DRIVER -> Optional.of(Family.EFS);
            default -> Optional.empty();
        };
    }

    Optional<KubeObject> defined(String name) {
        return Optional.ofNullable(defined.get(name));
    }

    /** The source body of an EBS/EFS class: defined, or the EKS built-in {@code gp2} when claims name it. */
    Optional<ObjectNode> sourceBody(String name) {
        KubeObject object = defined.get(name);
        if (object != null) {
            return familyOf(object.at("/provisioner").asText()).map(f -> object.body());
        }
        if (name.equals(EKS_BUILT_IN) && !claimsOf(name).isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
            body.putObject("metadata").put("name", name);
            body.put("provisioner", EBS_IN_TREE);
            body.putObject("parameters").put("type", "gp2").put("fsType", "ext4");
            body.put("volumeBindingMode", "WaitForFirstConsumer");
            return Optional.of(body);
        }
        return Optional.empty();
    }

    Optional<Family> family(String name) {
        return sourceBody(name).flatMap(b -> familyOf(b.path("provisioner").asText()));
    }

    /** Every EBS or EFS class name of the estate (defined ones first), in a stable order. */
    List<String> classes(Family family) {
        Set<String> names = new LinkedHashSet<>(defined.keySet());
        claims.forEach(c -> names.add(c.className("")));
        return names.stream().filter(n -> !n.isEmpty()).filter(n -> family(n).filter(family::equals).isPresent())
                .toList();
    }

    List<Claim> claimsOf(String name) {
        return claims.stream().filter(c -> c.className("").equals(name)).toList();
    }

    List<Double> claimSizes(String name) {
        return claimsOf(name).stream().map(Claim::sizeGiB).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList();
    }

    List<Claim> claims() {
        return claims;
    }

    String targetName(String name) {
        String mapped = classMap.get(name);
        return mapped == null || mapped.isBlank() ? name : mapped.strip();
    }
}
