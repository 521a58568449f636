package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class VolumeDataCopyRuleTest {

    private final RuleHarness harness = RuleHarness.of(new VolumeDataCopyRule());

    private static final String POSTGRES = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: postgres, namespace: shop}
            spec:
              selector: {matchLabels: {app: pg}}
              template:
                metadata: {labels: {app: pg}}
                spec:
                  containers: [{name: pg, image: "docker.io/bitnami/postgresql:16.2.0"}]
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {accessModes: [ReadWriteOnce]}
            """;

    @Test
    void asksForDatabaseReplicationForStatefulSetVolumes() {
        Proposal proposal = harness.rewriteRun(POSTGRES);
        Finding finding = RuleHarness.changeFor(proposal, "StatefulSet", "postgres").findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.ACTION_REQUIRED);
        assertThat(finding.message()).contains("[data]", "pg_basebackup", "Velero");
    }

    @Test
    void asksForDatabaseMethodForBoundClaimOfAStatefulSet() {
        Proposal proposal = harness.rewriteRun(POSTGRES + """
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data-postgres-0, namespace: shop}
                spec:
                  storageClassName: managed-csi
                  volumeName: pvc-1234
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "data-postgres-0").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("StatefulSet `postgres`", "pg_dump");
                });
    }

    @Test
    void asksForFileCopyForBoundClaimOfAPlainDeployment() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: uploads
                  namespace: shop
                  annotations: {pv.kubernetes.io/bind-completed: "yes"}
                spec:
                  storageClassName: azurefile-csi
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx:1.27}]
                      volumes: [{name: u, persistentVolumeClaim: {claimName: uploads}}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "uploads").findings())
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("Deployment `web`", "rsync", "DataSync", "Velero"));
    }

    @Test
    void ignoresClaimsThatWereNeverBound() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: fresh, namespace: shop}
                spec: {storageClassName: managed-csi}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
