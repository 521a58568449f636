package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side printing: the {@code meta.k8s.io/v1} Table that kubectl asks for ({@code Accept: ...;as=Table}), with
 * the columns a real server prints for the common kinds (READY, STATUS, CLUSTER-IP, ...) and NAME and AGE for the
 * others.
 */
final class TableRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Column(String name, String type, Function<JsonNode, Object> cell) {
    }

    private TableRenderer() {
    }

    /** A Table of these objects; {@code includeObject} as the query gives it (Metadata by default). */
    static ObjectNode table(ResourceType type, List<JsonNode> objects, String resourceVersion, String includeObject) {
        List<Column> columns = columns(type);
        ObjectNode table = NODES.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            definitions.addObject().put("name", column.name()).put("type", column.type())
                    .put("format", column.name().equals("Name") ? "name" : "").put("description", column.name())
                    .put("priority", 0);
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (Column column : columns) {
                Object value = column.cell().apply(object);
                if (value instanceof Integer number) {
                    cells.add(number);
                } else {
                    cells.add(String.valueOf(value));
                }
            }
            switch (includeObject == null ? "Metadata" : includeObject) {
                case "None" -> {
                }
                case "Object" -> row.set("object", object);
                default -> {
                    ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                            .put("apiVersion", "meta.k8s.io/v1");
                    partial.set("metadata", object.path("metadata").deepCopy());
                }
            }
        }
        return table;
    }

    private static List<Column> columns(ResourceType type) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Name", "string", o -> o.path("metadata").path("name").asText()));
        String kind = type.group() + "/" + type.kind();
        switch (kind) {
            case "apps/Deployment" -> {
                columns.add(new Column("Ready", "string", o -> status(o, "readyReplicas") + "/" + replicas(o)));
                columns.add(new Column("Up-to-date", "integer", o -> status(o, "updatedReplicas")));
                columns.add(new Column("Available", "integer", o -> status(o, "availableReplicas")));
            }
            case "apps/StatefulSet" ->
                columns.add(new Column("Ready", "string", o -> status(o, "readyReplicas") + "/" + replicas(o)));
            case "apps/DaemonSet" -> {
                columns.add(new Column("Desired", "integer", o -> status(o, "desiredNumberScheduled")));
                columns.add(new Column("Current", "integer", o -> status(o, "currentNumberScheduled")));
                columns.add(new Column("Ready", "integer", o -> status(o, "numberReady")));
                columns.add(new Column("Up-to-date", "integer", o -> status(o, "updatedNumberScheduled")));
                columns.add(new Column("Available", "integer", o -> status(o, "numberAvailable")));
            }
            case "batch/Job" -> {
                columns.add(new Column("Status", "string", o -> hasTrue(o, "Complete") ? "Complete"
                        : hasTrue(o, "Failed") ? "Failed" : "Running"));
                columns.add(new Column("Completions", "string", o -> status(o, "succeeded") + "/"
                        + o.path("spec").path("completions").asInt(1)));
            }
            case "batch/CronJob" -> {
                columns.add(new Column("Schedule", "string", o -> o.path("spec").path("schedule").asText()));
                columns.add(new Column("Suspend", "boolean", o -> o.path("spec").path("suspend").asBoolean(false)));
                columns.add(new Column("Active", "integer", o -> o.path("status").path("active").size()));
            }
            case "/Service" -> {
                columns.add(new Column("Type", "string", o -> o.path("spec").path("type").asText("ClusterIP")));
                columns.add(new Column("Cluster-IP", "string", o -> o.path("spec").path("clusterIP").asText("")));
                columns.add(new Column("External-IP", "string", TableRenderer::externalIp));
                columns.add(new Column("Port(s)", "string", TableRenderer::ports));
            }
            case "networking.k8s.io/Ingress" -> {
                columns.add(new Column("Class", "string", o -> o.path("spec").path("ingressClassName")
                        .asText("<none>")));
                columns.add(new Column("Hosts", "string", o -> join(o.path("spec").path("rules"), "host", "*")));
                columns.add(new Column("Address", "string", o -> join(o.path("status").path("loadBalancer")
                        .path("ingress"), "ip", "")));
                columns.add(new Column("Ports", "string",
                        o -> o.path("spec").path("tls").isEmpty() ? "80" : "80, 443"));
            }
            case "/PersistentVolumeClaim" -> {
                columns.add(new Column("Status", "string", o -> o.path("status").path("phase").asText("")));
                columns.add(new Column("Volume", "string", o -> o.path("spec").path("volumeName").asText("")));
                columns.add(new Column("Capacity", "string", o -> o.path("status").path("capacity").path("storage")
                        .asText("")));
                columns.add(new Column("Access Modes", "string", o -> accessModes(o.path("spec"))));
                columns.add(new Column("StorageClass", "string", o -> o.path("spec").path("storageClassName")
                        .asText("")));
            }
            case "/PersistentVolume" -> {
                columns.add(new Column("Capacity", "string", o -> o.path("spec").path("capacity").path("storage")
                        .asText("")));
                columns.add(new Column("Access Modes", "string", o -> accessModes(o.path("spec"))));
                columns.add(new Column("Reclaim Policy", "string", o -> o.path("spec")
                        .path("persistentVolumeReclaimPolicy").asText("")));
                columns.add(new Column("Status", "string", o -> o.path("status").path("phase").asText("")));
                columns.add(new Column("Claim", "string", o -> o.path("spec").path("claimRef").isMissingNode() ? ""
                        : o.path("spec").path("claimRef").path("namespace").asText() + "/"
                                + o.path("spec").path("claimRef").path("name").asText()));
                columns.add(new Column("StorageClass", "string", o -> o.path("spec").path("storageClassName")
                        .asText("")));
            }
            case "/Node" -> {
                columns.add(new Column("Status", "string", o -> hasTrue(o, "Ready") ? "Ready" : "NotReady"));
                columns.add(new Column("Roles", "string", TableRenderer::roles));
            }
            case "/Namespace" ->
                columns.add(new Column("Status", "string", o -> o.path("status").path("phase").asText("Active")));
            case "/ConfigMap" -> columns.add(new Column("Data", "integer", o -> o.path("data").size()
                    + o.path("binaryData").size()));
            case "/Secret" -> {
                columns.add(new Column("Type", "string", o -> o.path("type").asText("Opaque")));
                columns.add(new Column("Data", "integer", o -> o.path("data").size()));
            }
            case "autoscaling/HorizontalPodAutoscaler" -> {
                columns.add(new Column("Reference", "string", o -> o.path("spec").path("scaleTargetRef")
                        .path("kind").asText() + "/" + o.path("spec").path("scaleTargetRef").path("name").asText()));
                columns.add(new Column("MinPods", "integer", o -> o.path("spec").path("minReplicas").asInt(1)));
                columns.add(new Column("MaxPods", "integer", o -> o.path("spec").path("maxReplicas").asInt()));
            }
            case "storage.k8s.io/StorageClass" -> {
                columns.add(new Column("Provisioner", "string", o -> o.path("provisioner").asText()));
                columns.add(new Column("ReclaimPolicy", "string", o -> o.path("reclaimPolicy").asText("Delete")));
                columns.add(new Column("VolumeBindingMode", "string", o -> o.path("volumeBindingMode")
                        .asText("Immediate")));
            }
            default -> {
            }
        }
        columns.add(new Column("Age", "string", TableRenderer::age));
        return columns;
    }

    private static int replicas(JsonNode object) {
        return object.path("spec").path("replicas").asInt(1);
    }

    private static int status(JsonNode object, String field) {
        return object.path("status").path(field).asInt(0);
    }

    private static boolean hasTrue(JsonNode object, String condition) {
        for (JsonNode c : object.path("status").path("conditions")) {
            if (c.path("type").asText().equals(condition) && c.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    private static String externalIp(JsonNode service) {
        String addresses = join(service.path("status").path("loadBalancer").path("ingress"), "ip", "");
        if (!addresses.isEmpty()) {
            return addresses;
        }
        return service.path("spec").path("type").asText().equals("LoadBalancer") ? "<pending>" : "<none>";
    }

    private static String ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            ports.add(port.path("port").asText() + (port.has("nodePort") ? ":" + port.path("nodePort").asText() : "")
                    + "/" + port.path("protocol").asText("TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static String accessModes(JsonNode spec) {
        List<String> modes = new ArrayList<>();
        for (JsonNode mode : spec.path("accessModes")) {
            modes.add(switch (mode.asText()) {
                case "ReadWriteOnce" -> "RWO";
                case "ReadOnlyMany" -> "ROX";
                case "ReadWriteMany" -> "RWX";
                case "ReadWriteOncePod" -> "RWOP";
                default -> mode.asText();
            });
        }
        return String.join(",", modes);
    }

    private static String roles(JsonNode node) {
        List<String> roles = new ArrayList<>();
        node.path("metadata").path("labels").fieldNames().forEachRemaining(label -> {
            if (label.startsWith("node-role.kubernetes.io/")) {
                roles.add(label.substring("node-role.kubernetes.io/".length()));
            }
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    private static String join(JsonNode array, String field, String fallback) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            values.add(element.path(field).asText(fallback));
        }
        return String.join(",", values);
    }

    /** kubectl's human duration since creation: 45s, 3m20s, 50m, 3h20m, 40h, 5d3h, 20d, 3y. */
    static String age(JsonNode object) {
        String created = object.path("metadata").path("creationTimestamp").asText("");
        Duration age;
        try {
            age = Duration.between(Instant.parse(created), Instant.now());
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
        long seconds = Math.max(0, age.getSeconds());
        long minutes = seconds / 60;
        long hours = minutes / 60;
        if (seconds < 120) {
            return seconds + "s";
        } else if (minutes < 10) {
            return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        } else if (minutes < 180) {
            return minutes + "m";
        } else if (hours < 8) {
            return hours + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            return hours / 24 + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h");
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
