package dev.ferry.plan.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ReviewedChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data-copy table: every claim and StatefulSet claim template the storage edge flags as holding data on the
 * source, with size, source and target storage class, and the copy method the edge proposes.
 */
final class DataCopyTable {

    /** The storage rules phrase the method as "Copy the data with METHOD before cutover." */
    private static final Pattern METHOD = Pattern.compile("[Cc]opy (?:the data|it) with (.+?) before (?:the )?cutover");

    private final ReportInput input;
    private final Function<ResourceKey, Optional<Integer>> waveOf;

    DataCopyTable(ReportInput input, Function<ResourceKey, Optional<Integer>> waveOf) {
        this.input = input;
        this.waveOf = waveOf;
    }

    List<ReportModel.DataCopy> rows() {
        List<ReportModel.DataCopy> rows = new ArrayList<>();
        Set<ResourceKey> seen = new LinkedHashSet<>();
        for (ReviewedChange reviewed : input.changes()) {
            ResourceKey key = reviewed.change().resource();
            if (reviewed.change().edge() != Edge.STORAGE || seen.contains(key)) {
                continue;
            }
            Optional<Finding> copy = reviewed.change().findings().stream()
                    .filter(f -> f.severity() == Severity.ACTION_REQUIRED)
                    .filter(f -> f.message().toLowerCase(Locale.ROOT).contains("copy")).findFirst();
            if (copy.isEmpty()) {
                continue;
            }
            if (key.isKind("", "PersistentVolumeClaim")) {
                seen.add(key);
                JsonNode source = body(input.sourceObjects().get(key));
                JsonNode target = body(input.proposedObjects().get(key));
                rows.add(row(key, key.name(), source, target, copy.get()));
            } else if (key.isKind("apps", "StatefulSet")) {
                seen.add(key);
                JsonNode source = body(input.sourceObjects().get(key)).path("spec").path("volumeClaimTemplates");
                JsonNode target = body(input.proposedObjects().get(key)).path("spec").path("volumeClaimTemplates");
                for (int i = 0; i < source.size(); i++) {
                    JsonNode template = source.get(i);
                    rows.add(row(key, template.path("metadata").path("name").asText() + " (per replica)", template,
                            target.path(i), copy.get()));
                }
            }
        }
        return rows;
    }

    private ReportModel.DataCopy row(ResourceKey key, String claim, JsonNode source, JsonNode target,
                                     Finding finding) {
        return new ReportModel.DataCopy(key.toString(), claim,
                source.path("spec").path("resources").path("requests").path("storage").asText(""),
                storageClass(source, input.sourceObjects()), storageClass(target, input.proposedObjects()),
                method(finding.message()), waveOf.apply(key));
    }

    /** The class name with what backs it: {@code managed-csi-premium (disk.csi.azure.com, Premium_LRS)}. */
    private static String storageClass(JsonNode claim, java.util.Map<ResourceKey, KubeObject> objects) {
        JsonNode name = claim.path("spec").path("storageClassName");
        if (!name.isTextual() || name.asText().isEmpty()) {
            return "(default class)";
        }
        KubeObject storageClass = objects.get(ResourceKey.of("storage.k8s.io/v1", "StorageClass", "", name.asText()));
        if (storageClass == null) {
            return name.asText();
        }
        JsonNode parameters = storageClass.body().path("parameters");
        String type = parameters.path("type").asText(parameters.path("skuName").asText(parameters.path("skuname")
                .asText("")));
        String provisioner = storageClass.body().path("provisioner").asText("");
        return name.asText() + " (" + provisioner + (type.isEmpty() ? "" : ", " + type) + ")";
    }

    /** The method the finding names; the whole message when it is phrased otherwise. */
    static String method(String message) {
        Matcher matcher = METHOD.matcher(message);
        String method = matcher.find() ? matcher.group(1) : message;
        if (!method.equals(message) && message.contains("Velero")) {
            method += "; or Velero file-system backup and restore";
        }
        return method;
    }

    private static JsonNode body(KubeObject object) {
        return object == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : object.body();
    }
}
