package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.DemoEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo estate exists to show every edge: proposing it must change something on each one, and crash nothing. */
class DemoEstateProposalTest {

    private static final List<String> EDGES = List.of("identity", "ingress", "load-balancer", "storage", "registry",
            "secrets", "autoscaling", "networking", "monitoring");

    @TempDir
    Path dir;

    @Test
    void everyEdgeShowsChangesAndNoRuleFails() throws Exception {
        Path estate = dir.resolve("demo");
        DemoEstate.writeTo(estate);
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, """
                direction: aks-to-eks
                aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
                identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
                ingress: {certificates: {shop-tls: "arn:aws:acm:eu-west-1:111122223333:certificate/0000"}}
                storage: {efsFileSystemId: fs-0123456789abcdef0}
                zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
                """);

        CliRunner result = CliRunner.run("propose", "--settings", settings.toString(), "--out",
                dir.resolve("bundle").toString(), estate.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        for (String edge : EDGES) {
            Matcher row = Pattern.compile("(?m)^" + Pattern.quote(edge) + "\\s+(\\d+)").matcher(result.out());
            assertThat(row.find()).as("summary row of " + edge + " in\n" + result.out()).isTrue();
            assertThat(Integer.parseInt(row.group(1))).as("changes on " + edge).isPositive();
        }
        assertThat(result.out()).doesNotContain("engine problems");
        assertThat(Files.readString(dir.resolve("bundle/report.md"))).doesNotContain(DemoEstate.CANARY_PREFIX);
    }
}
