package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ferry plan and ferry report, run as a user would. */
class ReportAndPlanCommandsTest {

    @TempDir
    Path dir;

    private Path bundle;

    @BeforeEach
    void propose() throws Exception {
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: shopacr.azurecr.io/web:1.4.2}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
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
    void planWithoutWavesSaysHowToMakeThem() {
        CliRunner run = CliRunner.run("plan", bundle.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No waves are planned yet", "--auto");
    }

    @Test
    void planAutoPlansPrintsWavesByKindAndBlockersAndRecordsWho() {
        CliRunner run = CliRunner.run("plan", bundle.toString(), "--auto", "--by", "dana");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wave 0 (platform)", "Wave 1 (namespace shop)", "Deployment", "shop/web",
                "BLOCKED", "blocked: ", "waves, ");
        assertThat(bundle.resolve("plan.yaml")).exists();
        assertThat(bundle.resolve("audit.log")).content().contains("\"by\":\"dana\"", "plan-waves");

        CliRunner again = CliRunner.run("plan", bundle.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Wave 1 (namespace shop)");
    }

    @Test
    void aBlockedWaveIsShownWithExitZeroAndReadyOnceEverythingIsDecided() {
        CliRunner.run("plan", bundle.toString(), "--auto", "--by", "dana");
        CliRunner approve = CliRunner.run("approve", bundle.toString(), "--all", "--by", "dana");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        CliRunner run = CliRunner.run("plan", bundle.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("— ready").doesNotContain("BLOCKED");
    }

    @Test
    void reportPrintsMarkdownWithTheRunbookPerWave() {
        CliRunner.run("plan", bundle.toString(), "--auto", "--by", "dana");
        CliRunner run = CliRunner.run("report", bundle.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Ferry migration report: AKS → EKS")
                .contains("## Summary", "## Images to copy (1)",
                        "crane copy shopacr.azurecr.io/web:1.4.2 111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
                        "### Wave 1: namespace shop", "- [ ] Apply: `ferry apply BUNDLE --wave 1 --context EKS_CONTEXT`",
                        "#### Traffic shift (5% → 25% → 100%)", "shop.example.com",
                        "`ferry rollback BUNDLE --wave 1 --context EKS_CONTEXT`");
    }

    @Test
    void reportWritesHtmlAtomicallyToOut() throws Exception {
        Path out = dir.resolve("report.html");
        CliRunner run = CliRunner.run("report", bundle.toString(), "--format", "html", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote the html report to " + out);
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "AKS → EKS")
                .doesNotContain("<script", "src=\"http", "href=\"http");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void reportAsJsonParsesAndCarriesTheSections() throws Exception {
        CliRunner.run("plan", bundle.toString(), "--auto", "--by", "dana");
        CliRunner run = CliRunner.run("report", bundle.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("format").asText()).isEqualTo("ferry-report");
        assertThat(json.path("header").path("direction").asText()).isEqualTo("aks-to-eks");
        assertThat(json.path("waves")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(json.path("images").path("copies").get(0).path("source").asText())
                .isEqualTo("shopacr.azurecr.io/web:1.4.2");
    }

    @Test
    void anUnknownFormatIsUsageErrorNamingTheFormats() {
        CliRunner run = CliRunner.run("report", bundle.toString(), "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("use md, html or json");
    }

    @Test
    void aMissingBundleIsBadInputWithTheMessage() {
        Path missing = dir.resolve("nowhere");
        CliRunner report = CliRunner.run("report", missing.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("ferry report:", "nowhere", "does not exist");
        CliRunner plan = CliRunner.run("plan", missing.toString(), "--auto");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).contains("ferry plan:", "does not exist");
    }

    @Test
    void anUnwritableOutIsBadInputAndLeavesNothing() {
        Path out = dir.resolve("no-such-folder").resolve("report.md");
        CliRunner run = CliRunner.run("report", bundle.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write", "nothing was written");
        assertThat(out).doesNotExist();
    }
}
