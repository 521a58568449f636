package dev.ferry.plan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.PlanWavesCommand;
import dev.ferry.plan.review.RejectCommand;
import dev.ferry.plan.review.ReviewSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report model of a realistic estate, planned into waves, partly reviewed: every section's content. */
class ReportBuilderTest {

    @TempDir
    static Path dir;

    private static ReportModel report;
    private static ReportModel unplanned;

    @BeforeAll
    static void reviewTheEstate() throws Exception {
        Path bundle = ReportEstate.write(dir);
        try (ReviewSession session = ReviewSession.open(bundle)) {
            unplanned = new ReportBuilder().build(session);
            session.execute(new PlanWavesCommand("dana"));
            session.execute(new ApproveCommand(ChangeSelection.edge(Edge.REGISTRY), "dana", "images copied"));
            session.execute(new RejectCommand(ChangeSelection.resource(
                    ResourceKey.of("networking.k8s.io/v1", "Ingress", "shop", "web")), "dana", "keep nginx"));
            report = new ReportBuilder().build(session);
        }
    }

    @Test
    void headerStatesTheDirectionAndTheSource() {
        assertThat(report.header().directionLabel()).isEqualTo("AKS → EKS");
        assertThat(report.header().direction()).isEqualTo("aks-to-eks");
        assertThat(report.header().source()).isEqualTo("manifests: aks-store-demo and the test shop");
        assertThat(report.header().bundle()).isEqualTo("store-bundle");
        assertThat(report.header().reviewState()).isEqualTo("as reviewed");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("from AKS to EKS", "EKS_CONTEXT"));
    }

    @Test
    void summaryCountsChangesPerEdgeAndStatusAndObjectsPerStatus() {
        ReportModel.ReviewCounts registry = report.summary().changesByEdge().get("registry");
        assertThat(registry.approved()).isEqualTo(registry.total()).isPositive();
        ReportModel.ReviewCounts ingress = report.summary().changesByEdge().get("ingress");
        assertThat(ingress.rejected()).isPositive();
        assertThat(ingress.pending()).isPositive();
        ReportModel.ReviewCounts totals = report.summary().changeTotals();
        assertThat(totals.total()).isEqualTo(report.summary().changesByEdge().values().stream()
                .mapToInt(ReportModel.ReviewCounts::total).sum());
        assertThat(report.summary().objects()).containsKeys("unchanged", "changed", "generated", "dropped",
                "excluded", "needs action");
        assertThat(report.summary().objects().get("unchanged")).isPositive();
        assertThat(report.summary().waves()).isEqualTo(report.runbook().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyActionRequiredFindingIsListedByEdgeWithItsResourceStateAndWave() {
        assertThat(report.actions()).extracting(ReportModel.ActionItem::edge)
                .containsSubsequence("identity", "storage", "secrets");
        assertThat(report.actions()).anySatisfy(a -> {
            assertThat(a.resource()).isEqualTo("StatefulSet/data/postgres");
            assertThat(a.message()).contains("pg_basebackup");
            assertThat(a.status()).isEqualTo("pending");
            assertThat(a.wave()).isPresent();
        });
        assertThat(report.actions()).anySatisfy(a -> assertThat(a.resource()).isEqualTo("ServiceAccount/shop/web"));
    }

    @Test
    void imageCopyListShowsSourceTargetAndACraneCommand() {
        assertThat(report.images()).anySatisfy(i -> {
            assertThat(i.source()).isEqualTo("shopacr.azurecr.io/web:1.4.2");
            assertThat(i.target()).isEqualTo("111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2");
            assertThat(i.command()).isEqualTo("crane copy shopacr.azurecr.io/web:1.4.2 "
                    + "111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2");
        });
        assertThat(report.imageSetup()).anySatisfy(s -> assertThat(s).contains("az acr login --name shopacr"))
                .anySatisfy(s -> assertThat(s).contains("aws ecr create-repository"));
    }

    @Test
    void identityTableMapsTheServiceAccountToItsRoleAndTrust() {
        assertThat(report.identities()).singleElement().satisfies(row -> {
            assertThat(row.serviceAccount()).isEqualTo("shop/web");
            assertThat(row.sourceIdentity()).contains("Workload ID", "00000000-0000-0000-0000-00000000000a");
            assertThat(row.targetIdentity()).contains("arn:aws:iam::111122223333:role/", "(IRSA)");
            assertThat(row.trust()).contains("oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE",
                    "system:serviceaccount:shop:web");
            assertThat(row.artifacts()).anySatisfy(a -> assertThat(a).startsWith("iam/").endsWith("-trust.json"));
            assertThat(row.status()).isEqualTo("pending");
        });
    }

    @Test
    void dataCopyTableListsBoundClaimsAndClaimTemplatesWithClassesAndMethod() {
        assertThat(report.dataCopies()).anySatisfy(row -> {
            assertThat(row.resource()).isEqualTo("StatefulSet/data/postgres");
            assertThat(row.claim()).startsWith("pgdata");
            assertThat(row.size()).isEqualTo("64Gi");
            assertThat(row.sourceClass()).contains("managed-csi-premium", "disk.csi.azure.com");
            assertThat(row.targetClass()).contains("ebs.csi.aws.com");
            assertThat(row.method()).contains("pg_basebackup").doesNotContain("before cutover");
        });
        assertThat(report.dataCopies()).anySatisfy(row -> {
            assertThat(row.resource()).isEqualTo("PersistentVolumeClaim/shop/uploads");
            assertThat(row.size()).isEqualTo("20Gi");
            assertThat(row.method()).contains("rsync");
        });
    }

    @Test
    void withoutAPlanTheReportSaysHowToMakeOne() {
        assertThat(unplanned.runbook()).isEmpty();
        assertThat(unplanned.notes()).anySatisfy(n -> assertThat(n).contains("ferry plan BUNDLE --auto"));
        assertThat(new MarkdownRenderer().render(unplanned)).contains("No waves are planned yet");
    }

    @Test
    void eachWaveHasItsBlockersFirstThenStepsInOrder() {
        ReportModel.WaveRunbook shop = wave("namespace shop");
        assertThat(shop.blocked()).isTrue();
        assertThat(shop.blockers()).allSatisfy(b -> assertThat(b.message()).doesNotStartWith("Wave "));
        assertThat(shop.sections()).extracting(ReportModel.Section::id)
                .containsExactly("before", "maintenance", "apply", "verify", "switch", "traffic", "rollback");
        assertThat(steps(shop, "before")).first().asString().contains("Clear the", "blocker");
        assertThat(shop.groups()).extracting(ReportModel.KindGroup::kind)
                .containsSubsequence("ServiceAccount", "ConfigMap", "PersistentVolumeClaim", "Service", "Deployment",
                        "Ingress");
        assertThat(String.join("\n", steps(shop, "verify"))).contains(
                "kubectl rollout status deployment/web -n shop --context EKS_CONTEXT",
                "kubectl get endpoints web -n shop", "kubectl get pvc -n shop", "kubectl get ingress web -n shop");
        assertThat(String.join("\n", steps(shop, "apply"))).contains("ferry apply BUNDLE --wave " + shop.number()
                + " --context EKS_CONTEXT");
    }

    @Test
    void trafficShiftsEachIngressHostAndLoadBalancerInSteps() {
        ReportModel.WaveRunbook shop = wave("namespace shop");
        assertThat(shop.hosts()).singleElement().satisfies(h -> {
            assertThat(h.host()).isEqualTo("shop.example.com");
            assertThat(h.object()).isEqualTo("Ingress/shop/web");
            assertThat(h.address()).contains("status.loadBalancer.ingress[0].hostname");
        });
        assertThat(String.join("\n", steps(shop, "traffic"))).contains("5%", "25%", "100%", "Watch 15 minutes");
        assertThat(report.runbook()).flatExtracting(ReportModel.WaveRunbook::hosts)
                .extracting(ReportModel.TrafficHost::object).contains("Service/store-front");
    }

    @Test
    void statefulWavesHaveAMaintenanceWindowAndRollbackMovesDnsBackFirst() {
        ReportModel.WaveRunbook postgres = wave("stateful data/postgres");
        assertThat(postgres.kind()).isEqualTo("stateful");
        assertThat(String.join("\n", steps(postgres, "maintenance"))).contains("Quiesce writes",
                "Final data sync of StatefulSet/data/postgres", "pg_basebackup");
        assertThat(String.join("\n", steps(postgres, "switch"))).contains("Verify the data", "Switch");
        assertThat(String.join("\n", steps(postgres, "rollback"))).contains("ferry rollback BUNDLE --wave "
                + postgres.number() + " --context EKS_CONTEXT");
        ReportModel.WaveRunbook shop = wave("namespace shop");
        assertThat(steps(shop, "rollback")).first().asString().contains("DNS weight back", "shop.example.com");
    }

    @Test
    void unresolvedReferencesNameWhereTheyAreUsed() throws Exception {
        Path other = dir.resolve("dangling");
        java.nio.file.Files.createDirectories(other);
        Path bundle = dev.ferry.plan.testing.TestBundles.write(other.resolve("bundle"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  template:
                    spec:
                      serviceAccountName: missing-sa
                      containers: [{name: api, image: nginx:1.27}]
                """, dev.ferry.plan.testing.TestBundles.SETTINGS);
        try (ReviewSession session = ReviewSession.open(bundle)) {
            ReportModel model = new ReportBuilder().build(session);
            assertThat(model.unresolved()).anySatisfy(u -> {
                assertThat(u.from()).isEqualTo("Deployment/shop/api");
                assertThat(u.path()).contains("serviceAccountName");
                assertThat(u.to()).isEqualTo("ServiceAccount/shop/missing-sa");
            });
        }
    }

    @Test
    void imageCommandsForEksToAksUseAcrImport() {
        ImageCopyList list = new ImageCopyList(new Clouds(Direction.EKS_TO_AKS), Map.of("registry/images-to-acr.tsv",
                "source\ttarget\n111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2\tshopacr.azurecr.io/web:1.4.2\n"));
        assertThat(list.images()).singleElement().extracting(ReportModel.ImageCopy::command).asString()
                .startsWith("az acr import --name shopacr --source 111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2")
                .contains("--image web:1.4.2", "aws ecr get-login-password --region eu-west-1");
    }

    private static ReportModel.WaveRunbook wave(String name) {
        return report.runbook().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static java.util.List<String> steps(ReportModel.WaveRunbook wave, String section) {
        return wave.sections().stream().filter(s -> s.id().equals(section)).findFirst().orElseThrow().steps();
    }
}
