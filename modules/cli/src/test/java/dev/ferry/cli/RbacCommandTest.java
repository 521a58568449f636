package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.sandbox.RequestLog;
import dev.ferry.sandbox.SandboxPair;
import dev.ferry.sandbox.SandboxRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RbacCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsAClusterRoleAndItsBindingForEachSide() {
        List<KubeObject> target = printed("--role", "target", "--name", "migrate-shop", "--user", "dana@example.com");

        assertThat(target).extracting(KubeObject::kind).containsExactly("ClusterRole", "ClusterRoleBinding");
        assertThat(target).extracting(KubeObject::name).containsOnly("migrate-shop");
        JsonNode binding = target.get(1).body();
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo("migrate-shop");
        assertThat(binding.at("/subjects/0/kind").asText()).isEqualTo("User");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("dana@example.com");

        List<KubeObject> source = printed("--role", "source");
        assertThat(source).extracting(KubeObject::name).containsOnly("ferry-source");
        assertThat(source.get(1).body().at("/subjects/0/kind").asText()).isEqualTo("Group");
    }

    @Test
    void theSourceRoleOnlyReadsAndSaysWhatItDoesWithSecrets() {
        CliRunner result = CliRunner.run("rbac", "--role", "source");

        Set<String> verbs = new TreeSet<>();
        for (RbacRule rule : rules(printed("--role", "source"))) {
            verbs.addAll(rule.verbs());
        }
        assertThat(verbs).containsExactlyInAnyOrder("get", "list");
        assertThat(result.out()).contains("Secrets").contains("digest").contains("never watch");
    }

    @Test
    void refusesAnUnknownRoleAndABadName() {
        CliRunner role = CliRunner.run("rbac", "--role", "admin");
        CliRunner name = CliRunner.run("rbac", "--role", "source", "--name", "Ferry Source");

        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("unknown role `admin`").contains("--role source or --role target");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("`Ferry Source` is not a valid ClusterRole name");
    }

    /**
     * The roles are derived from the code: this replays an inventory, an apply (a dry run, server-side apply and
     * readiness of the platform wave) and its rollback (deletes and a restore) through the CLI against the sandbox,
     * and every request either side saw must be allowed by the role printed for it. A new verb or endpoint in the
     * cluster module fails here.
     */
    @Test
    void everyRequestOfAnInventoryApplyAndRollbackIsAllowedByThePrintedRole() throws Exception {
        try (SandboxPair pair = SandboxPair.start(dir.resolve("sandbox"), SandboxPair.Estate.DEMO, 0,
                Duration.ofMillis(50))) {
            // a Namespace that already exists on the target, so the rollback restores it with an update
            pair.target().loadYaml("existing.yaml", """
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: catalog, labels: {owner: someone-else}}
                    """);
            Path bundle = proposeAndPlan(pair);
            String[] target = {"--wave", "0", "--context", SandboxPair.TARGET_CONTEXT, "--kubeconfig",
                    pair.targetKubeconfig().toString()};
            CliRunner apply = CliRunner.run(concat("apply", bundle, target));
            assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
            CliRunner rollback = CliRunner.run(concat("rollback", bundle, target));
            assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();

            RequestLog targetLog = pair.target().requests();
            // the replay must really have written, or the comparison below proves nothing
            assertThat(targetLog.countWrites("PATCH", ".*")).isPositive();
            assertThat(targetLog.countWrites("DELETE", ".*")).isPositive();
            assertThat(targetLog.countWrites("PUT", "/api/v1/namespaces/catalog")).isPositive();
            assertThat(notAllowed(targetLog, rules(printed("--role", "target")))).isEmpty();
            assertThat(notAllowed(pair.source().requests(), rules(printed("--role", "source")))).isEmpty();
            assertThat(pair.source().requests().count(e -> !e.request().method().equals("GET"))).isZero();
        }
    }

    private Path proposeAndPlan(SandboxPair pair) throws Exception {
        Path inventory = dir.resolve("inventory");
        CliRunner inventoried = CliRunner.run("inventory", "--context", SandboxPair.SOURCE_CONTEXT, "--kubeconfig",
                pair.sourceKubeconfig().toString(), "--out", inventory.toString());
        assertThat(inventoried.exitCode()).as(inventoried.err()).isZero();
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, """
                direction: aks-to-eks
                aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
                identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
                ingress: {certificates: {shop-tls: "arn:aws:acm:eu-west-1:111122223333:certificate/0000"}}
                storage: {efsFileSystemId: fs-0123456789abcdef0}
                zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
                """);
        Path bundle = dir.resolve("bundle");
        CliRunner proposed = CliRunner.run("propose", "--settings", settings.toString(), "--out", bundle.toString(),
                inventory.toString());
        assertThat(proposed.exitCode()).as(proposed.err()).isZero();
        assertThat(CliRunner.run("approve", bundle.toString(), "--all", "--by", "dana").exitCode()).isZero();
        CliRunner planned = CliRunner.run("plan", bundle.toString(), "--auto", "--by", "dana");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        assertThat(planned.out()).contains("Wave 0 (platform)").contains("Namespace");
        return bundle;
    }

    private static String[] concat(String command, Path bundle, String[] options) {
        List<String> args = new ArrayList<>(List.of(command, bundle.toString()));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    /** Every request the role does not allow, as "METHOD path (verb group/resource)". */
    private static Set<String> notAllowed(RequestLog log, List<RbacRule> rules) {
        Set<String> refused = new TreeSet<>();
        for (RequestLog.Entry entry : log.entries()) {
            SandboxRequest request = entry.request();
            RbacRequest asked = RbacRequest.of(request.method(), request.path(),
                    request.query().containsKey("watch"), request.contentType());
            for (String verb : asked.verbs()) {
                boolean allowed = rules.stream().anyMatch(rule -> asked.resource() == null
                        ? rule.allowsUrl(verb, request.path())
                        : rule.allows(verb, asked.group(), asked.resource()));
                if (!allowed) {
                    refused.add(request.method() + " " + request.path() + " (" + verb + " "
                            + (asked.resource() == null ? "url" : asked.group() + "/" + asked.resource()) + ")");
                }
            }
        }
        return refused;
    }

    private List<KubeObject> printed(String... options) {
        List<String> args = new ArrayList<>(List.of("rbac"));
        args.addAll(List.of(options));
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        ManifestSet read = new ManifestReader().readText("rbac.yaml", result.out());
        assertThat(read.problems()).isEmpty();
        return read.objects();
    }

    /** The rules of the printed ClusterRole, read back from the YAML (not from the enum), so the output is tested. */
    private static List<RbacRule> rules(List<KubeObject> printed) {
        List<RbacRule> rules = new ArrayList<>();
        for (JsonNode rule : printed.get(0).body().path("rules")) {
            rules.add(new RbacRule(strings(rule.path("apiGroups")), strings(rule.path("resources")),
                    strings(rule.path("nonResourceURLs")), strings(rule.path("verbs"))));
        }
        assertThat(rules).isNotEmpty();
        return rules;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
