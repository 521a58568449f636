package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The StorageClasses the estate defines or its claims name, resolved to an Azure family and a target name. Built
 * from the source estate on demand; holds no state between runs.
 *
 * <p>Naming (the decision the storage rules share): a class keeps its name on EKS unless {@code storage.classMap}
 * maps it. Keeping the name means claims need no edit and a reviewer recognises the class; a mapped name is
 * written into every claim that used the source name.
 */
final class StorageClassIndex {

    static final String CLASS_MAP = "storage.classMap";
    private static final String BETA_DEFAULT_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

    private final Map<String, KubeObject> defined = new LinkedHashMap<>();
    private final Map<String, String> classMap;
    private final String defaultClass;
    private final List<Claim> claims = new ArrayList<>();

    private StorageClassIndex(RuleContext context) {
        for (KubeObject object : context.estate().ofKind("StorageClass")) {
            if (object.isKind("storage.k8s.io", "StorageClass")) {
                defined.put(object.name(), object);
            }
        }
        classMap = context.settings().map(CLASS_MAP);
        defaultClass = defined.values().stream()
                .filter(c -> "true".equals(c.annotations().get(AksBuiltInClasses.DEFAULT_ANNOTATION))
                        || "true".equals(c.annotations().get(BETA_DEFAULT_ANNOTATION)))
                .map(KubeObject::name)
                .findFirst()
                .orElse(AksBuiltInClasses.DEFAULT_CLASS);
        for (KubeObject object : context.estate().objects()) {
            claims.addAll(Claim.of(object));
        }
    }

    static StorageClassIndex of(RuleContext context) {
        return context.memo(StorageClassIndex.class, StorageClassIndex::new);
    }

    /** The class a claim without {@code storageClassName} gets on AKS. */
    String defaultClass() {
        return defaultClass;
    }

    Optional<KubeObject> defined(String name) {
        return Optional.ofNullable(defined.get(name));
    }

    /** The source class as a body: the defined object, or the AKS built-in of that name. */
    Optional<ObjectNode> sourceBody(String name) {
        KubeObject object = defined.get(name);
        return object != null ? Optional.of(object.body()) : AksBuiltInClasses.body(name);
    }

    /** The Azure family of a class name; empty for a non-Azure class or a name nobody defines. */
    Optional<StorageFamily> family(String name) {
        return sourceBody(name).flatMap(body -> StorageFamily.ofDriver(body.path("provisioner").asText()));
    }

    /** True when the class is defined in the estate or is an AKS built-in. */
    boolean known(String name) {
        return defined.containsKey(name) || AksBuiltInClasses.isBuiltIn(name);
    }

    boolean mapped(String name) {
        return classMap.containsKey(name) && !classMap.get(name).isBlank();
    }

    /** The name of the class on EKS: the {@code storage.classMap} entry, else the same name. */
    String targetName(String name) {
        return mapped(name) ? classMap.get(name).strip() : name;
    }

    List<Claim> claims() {
        return claims;
    }

    List<Claim> claimsOf(String className) {
        return claims.stream().filter(c -> c.className(defaultClass).equals(className)).toList();
    }

    /** Every class of the family the estate defines or a claim names, sorted by name. */
    List<String> classes(StorageFamily family) {
        TreeSet<String> names = new TreeSet<>(defined.keySet());
        for (Claim claim : claims) {
            String name = claim.className(defaultClass);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.stream().filter(n -> family(n).filter(family::equals).isPresent()).toList();
    }
}
