package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One volume claim of the estate: a PersistentVolumeClaim, a StatefulSet {@code volumeClaimTemplates} entry, or a
 * generic ephemeral volume's {@code volumeClaimTemplate} in a pod spec.
 *
 * @param owner       the object the claim lives in
 * @param pointer     pointer of the claim object, the one holding {@code metadata} and {@code spec} ({@code ""} for a
 *                    PersistentVolumeClaim)
 * @param description for messages: {@code PersistentVolumeClaim shop/data} or {@code claim template `data` of ...}
 */
record Claim(KubeObject owner, String pointer, String description) {

    static final String BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    /** How the claim names its class. */
    enum ClassSource { EXPLICIT, BETA_ANNOTATION, CLUSTER_DEFAULT, NONE }

    static List<Claim> of(KubeObject object) {
        List<Claim> claims = new ArrayList<>();
        if (object.isKind("", "PersistentVolumeClaim")) {
            claims.add(new Claim(object, "", "PersistentVolumeClaim " + qualified(object)));
        }
        if (object.isKind("apps", "StatefulSet")) {
            JsonNode templates = object.at("/spec/volumeClaimTemplates");
            for (int i = 0; i < templates.size(); i++) {
                claims.add(new Claim(object, Pointer.of("spec", "volumeClaimTemplates", i), "claim template `"
                        + templates.get(i).path("metadata").path("name").asText() + "` of StatefulSet "
                        + qualified(object)));
            }
        }
        PodTemplates.specPointer(object).ifPresent(spec -> {
            JsonNode volumes = object.at(spec + "/volumes");
            for (int i = 0; i < volumes.size(); i++) {
                if (volumes.get(i).path("ephemeral").path("volumeClaimTemplate").isObject()) {
                    claims.add(new Claim(object, spec + Pointer.of("volumes", i, "ephemeral", "volumeClaimTemplate"),
                            "ephemeral volume `" + volumes.get(i).path("name").asText() + "` of " + object.kind()
                                    + " " + qualified(object)));
                }
            }
        });
        return claims;
    }

    static String qualified(KubeObject object) {
        return object.namespace().isEmpty() ? object.name() : object.namespace() + "/" + object.name();
    }

    JsonNode spec() {
        return owner.at(pointer + "/spec");
    }

    String specPointer() {
        return pointer + "/spec";
    }

    String annotationPointer() {
        return pointer + Pointer.of("metadata", "annotations", BETA_CLASS_ANNOTATION);
    }

    ClassSource classSource() {
        JsonNode explicit = spec().path("storageClassName");
        if (explicit.isTextual()) {
            return explicit.asText().isEmpty() ? ClassSource.NONE : ClassSource.EXPLICIT;
        }
        if (!owner.at(annotationPointer()).asText("").isEmpty()) {
            return ClassSource.BETA_ANNOTATION;
        }
        return ClassSource.CLUSTER_DEFAULT;
    }

    /** The class the claim asks for, given the cluster's default class; empty for {@code storageClassName: ""}. */
    String className(String defaultClass) {
        return switch (classSource()) {
            case EXPLICIT -> spec().path("storageClassName").asText();
            case BETA_ANNOTATION -> owner.at(annotationPointer()).asText();
            case CLUSTER_DEFAULT -> defaultClass;
            case NONE -> "";
        };
    }

    List<String> accessModes() {
        List<String> modes = new ArrayList<>();
        spec().path("accessModes").forEach(mode -> modes.add(mode.asText()));
        return modes;
    }

    boolean sharedAccess() {
        List<String> modes = accessModes();
        return modes.contains("ReadWriteMany") || modes.contains("ReadOnlyMany");
    }

    OptionalDouble sizeGiB() {
        return Quantities.gib(spec().path("resources").path("requests").path("storage").asText(""));
    }
}
