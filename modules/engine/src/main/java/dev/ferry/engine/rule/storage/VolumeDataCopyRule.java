package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asks for a data copy for every volume that already holds data on AKS: each bound PersistentVolumeClaim and each
 * StatefulSet with claim templates. The method fits the workload: the database's own replication or backup and
 * restore for database images, a file sync (rsync Job, AWS DataSync) otherwise, Velero file-system backup always.
 */
public final class VolumeDataCopyRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("bound-volume-data-copy", "Data copy plan for bound volumes",
            "Flags every volume that holds data on the source cluster with the copy method that suits its workload.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    private static final String POSTGRES = "a streaming replica on EKS (pg_basebackup) promoted at cutover, or "
            + "pg_dump/pg_restore";

    /** Image-name keyword → how that database moves its data, in a fixed order for stable messages. */
    private static final List<Map.Entry<String, String>> DATABASES = List.of(
            Map.entry("postgres", POSTGRES),
            Map.entry("postgis", POSTGRES),
            Map.entry("mysql", "a replica on EKS promoted at cutover, or mysqldump / xtrabackup and restore"),
            Map.entry("mariadb", "a replica on EKS promoted at cutover, or mariadb-dump / mariabackup and restore"),
            Map.entry("mongo", "a replica-set member on EKS that takes over, or mongodump/mongorestore"),
            Map.entry("redis", "a replica on EKS (REPLICAOF) promoted at cutover, or copying the RDB/AOF files"),
            Map.entry("valkey", "a replica on EKS (REPLICAOF) promoted at cutover, or copying the RDB/AOF files"),
            Map.entry("cassandra", "an EKS datacenter added to the cluster and rebuilt, or snapshots loaded with "
                    + "sstableloader"),
            Map.entry("scylla", "an EKS datacenter added to the cluster and rebuilt, or snapshots loaded with "
                    + "sstableloader"),
            Map.entry("elasticsearch", "a snapshot to an S3 repository restored on EKS, or cross-cluster replication"),
            Map.entry("opensearch", "a snapshot to an S3 repository restored on EKS, or cross-cluster replication"),
            Map.entry("kafka", "MirrorMaker 2 replication of topics and consumer offsets to the EKS brokers"),
            Map.entry("rabbitmq", "definitions export/import plus Shovel or Federation to drain the queues"),
            Map.entry("zookeeper", "a snapshot restored on EKS, or joining EKS members to the ensemble"),
            Map.entry("etcd", "etcdctl snapshot save and restore"),
            Map.entry("influxdb", "influx backup and restore"),
            Map.entry("clickhouse", "clickhouse-backup to S3 and restore, or replicas on EKS"),
            Map.entry("cockroach", "EKS nodes joined to the cluster then old nodes decommissioned, or BACKUP/RESTORE"),
            Map.entry("couchdb", "continuous replication to the EKS instance"),
            Map.entry("neo4j", "neo4j-admin dump and load"));

    private static final String GENERIC = " Velero with file-system backup (Kopia, --default-volumes-to-fs-backup) "
            + "and its change-storage-class ConfigMap is a generic alternative; provider snapshots do not cross "
            + "clouds (EDGES.md §10.3). Keep the AKS volume until the copy is verified.";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (object.isKind("", "PersistentVolumeClaim") && "true".equals(object.observed().get("bound"))) {
            List<KubeObject> users = users(object, context);
            output.change(object).summary("Plan the data copy of this bound claim")
                    .rationale("A bound claim holds data on the AKS volume; the EKS CSI driver provisions a new, "
                            + "empty volume (EDGES.md §4.1, §10.3).")
                    .finding(Finding.actionRequired("Claim `" + Claim.qualified(object) + "` is bound to a volume "
                            + "that holds data on AKS" + usedBy(users) + "; the EKS volume starts empty. Copy the "
                            + "data with " + method(users) + " before cutover." + GENERIC));
        } else if (object.isKind("apps", "StatefulSet") && object.at("/spec/volumeClaimTemplates").size() > 0) {
            List<String> templates = new ArrayList<>();
            object.at("/spec/volumeClaimTemplates")
                    .forEach(t -> templates.add(t.path("metadata").path("name").asText()));
            output.change(object).summary("Plan the data copy of this StatefulSet's volumes")
                    .rationale("Each replica's claim-template volume holds data on AKS; the EKS CSI driver "
                            + "provisions new, empty volumes (EDGES.md §4.1, §10.3).")
                    .finding(Finding.actionRequired("StatefulSet `" + Claim.qualified(object) + "` keeps data in "
                            + "claim templates " + templates + " (one volume per replica) on AKS; the EKS volumes "
                            + "start empty. Copy the data with " + method(List.of(object)) + " before cutover."
                            + GENERIC));
        }
    }

    /** The workloads in the claim's namespace that mount it, StatefulSet owners included. */
    private static List<KubeObject> users(KubeObject claim, RuleContext context) {
        List<KubeObject> users = new ArrayList<>();
        for (KubeObject object : context.estate().inNamespace(claim.namespace())) {
            if (!PodTemplates.hasPodSpec(object)) {
                continue;
            }
            boolean uses = false;
            for (JsonNode volume : object.at(PodTemplates.specPointer(object).orElseThrow() + "/volumes")) {
                uses |= claim.name().equals(volume.path("persistentVolumeClaim").path("claimName").asText());
            }
            if (object.isKind("apps", "StatefulSet")) {
                for (JsonNode template : object.at("/spec/volumeClaimTemplates")) {
                    Pattern generated = Pattern.compile(Pattern.quote(template.path("metadata").path("name").asText()
                            + "-" + object.name() + "-") + "[0-9]+");
                    uses |= generated.matcher(claim.name()).matches();
                }
            }
            if (uses) {
                users.add(object);
            }
        }
        return users;
    }

    private static String usedBy(List<KubeObject> users) {
        if (users.isEmpty()) {
            return "";
        }
        return " (used by " + String.join(", ", users.stream()
                .map(u -> u.kind() + " `" + u.name() + "`").toList()) + ")";
    }

    /** The database's own method when a user runs a database image, a file copy otherwise. */
    private static String method(List<KubeObject> users) {
        Set<String> methods = new LinkedHashSet<>();
        for (KubeObject user : users) {
            for (PodTemplates.ContainerRef container : PodTemplates.containers(user)) {
                String image = imageName(container.image());
                for (Map.Entry<String, String> database : DATABASES) {
                    if (image.contains(database.getKey())) {
                        methods.add("the database's own tools (image `" + container.image() + "`): "
                                + database.getValue());
                    }
                }
            }
        }
        if (!methods.isEmpty()) {
            return String.join("; ", methods) + " (a file copy of a running database is not consistent)";
        }
        return "an rsync Job between the old and the new volume (with the writers stopped), or AWS DataSync (it "
                + "reads SMB/NFS shares and writes EFS)";
    }

    /** The repository's last path segment without tag or digest: {@code bitnami/postgresql:16} → postgresql. */
    private static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
