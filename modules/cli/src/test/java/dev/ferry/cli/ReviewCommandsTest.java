package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** approve, reject, diff and bundle pack|merge|verify, run as a user would. */
class ReviewCommandsTest {

    @TempDir
    Path dir;

    private Path bundle;

    @BeforeEach
    void propose() throws Exception {
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: shopacr.azurecr.io/web:1.4.2}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {appgw.ingress.kubernetes.io/health-probe-path: /healthz}
                spec:
                  ingressClassName: azure-application-gateway
                  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix,
                           backend: {service: {name: web, port: {number: 80}}}}]}}]
                """);
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, "direction: aks-to-eks\naws: {accountId: \"111122223333\", region: eu-west-1}\n");
        bundle = dir.resolve("bundle");
        CliRunner run = CliRunner.run("propose", "--settings", settings.toString(), "--out", bundle.toString(),
                estate.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void diffShowsEachChangeAndTheUnifiedDiff() {
        CliRunner run = CliRunner.run("diff", bundle.toString(), "--edge", "registry");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("=== Deployment/shop/web", "registry", "pending",
                "-          image: shopacr.azurecr.io/web:1.4.2",
                "+          image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2")
                .doesNotContain("Ingress/shop/web");
    }

    @Test
    void approveByEdgeThenRejectByResourceRecordsWhoAndShowsInDiff() {
        CliRunner approve = CliRunner.run("approve", bundle.toString(), "--edge", "registry", "--by", "dana",
                "--comment", "images copied");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("Approve every registry change", "approved by dana");

        CliRunner reject = CliRunner.run("reject", bundle.toString(), "--resource", "Ingress/shop/web", "--by", "dana");
        assertThat(reject.exitCode()).as(reject.err()).isZero();

        CliRunner diff = CliRunner.run("diff", bundle.toString());
        assertThat(diff.out()).contains("approved (dana)", "rejected (dana)");
        assertThat(bundle.resolve("audit.log")).content().contains("\"by\":\"dana\"", "\"action\":\"approve\"",
                "\"action\":\"reject\"");
    }

    @Test
    void aSelectionThatMatchesNothingIsBadInputWithTheNextStep() {
        CliRunner run = CliRunner.run("approve", bundle.toString(), "--change", "registry-0000000000", "--by", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no change matching", "ferry diff");

        CliRunner none = CliRunner.run("approve", bundle.toString(), "--by", "x");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--change");
    }

    @Test
    void packReviewElsewhereMergeBackAndVerify() throws Exception {
        Path zip = dir.resolve("out/review.zip");
        CliRunner pack = CliRunner.run("bundle", "pack", bundle.toString(), "--out", zip.toString());
        assertThat(pack.exitCode()).as(pack.err()).isZero();
        assertThat(zip).exists();

        CliRunner review = CliRunner.run("approve", zip.toString(), "--all", "--by", "reviewer", "--comment", "ok");
        assertThat(review.exitCode()).as(review.err()).isZero();

        CliRunner merge = CliRunner.run("bundle", "merge", bundle.toString(), zip.toString(), "--by", "lead");
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("Took ", "by reviewer: ok");
        assertThat(CliRunner.run("diff", bundle.toString()).out()).contains("approved (reviewer)")
                .doesNotContain("pending");

        CliRunner verify = CliRunner.run("bundle", "verify", bundle.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("intact");

        Files.writeString(bundle.resolve("report.md"), "tampered");
        CliRunner tampered = CliRunner.run("bundle", "verify", bundle.toString());
        assertThat(tampered.exitCode()).isEqualTo(2);
        assertThat(tampered.err()).contains("changed:  report.md");
        CliRunner refused = CliRunner.run("bundle", "pack", bundle.toString(), "--out", dir.resolve("x.zip").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("report.md", "Nothing was packed");
    }

    @Test
    void proposingAgainKeepsDecisionsAndReportsWhatChanged() throws Exception {
        assertThat(CliRunner.run("approve", bundle.toString(), "--all", "--by", "dana").exitCode()).isZero();
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "direction: aks-to-eks\naws: {accountId: \"444455556666\", region: eu-west-1}\n");
        CliRunner again = CliRunner.run("propose", "--settings", other.toString(), "--out", bundle.toString(),
                dir.resolve("estate.yaml").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Review carried over:", "on changed content");
        assertThat(CliRunner.run("diff", bundle.toString()).out()).contains("changed since approved (dana)");
        assertThat(bundle.resolve("audit.log")).content().contains("\"action\":\"approve\"", "\"action\":\"propose\"");
    }
}
