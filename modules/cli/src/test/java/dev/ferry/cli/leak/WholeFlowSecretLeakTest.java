package dev.ferry.cli.leak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.cli.FerryCommand;
import dev.ferry.sandbox.DemoEstate;
import dev.ferry.sandbox.RequestLog;
import dev.ferry.sandbox.SandboxPair;
import dev.ferry.testkit.CanarySearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole flow on sandbox clusters whose source Secrets hold the demo estate's canaries ({@value
 * DemoEstate#CANARY_PREFIX}...): inventory → propose → approve all → plan → report (md, html, json) → bundle pack →
 * status → apply every wave (Secret values supplied by the operator from a folder outside the work folder) → rollback
 * every wave. Then every file written under the work folder (and every entry of the zip), everything the commands
 * printed, every log line (the CLI logs through slf4j-simple to standard error, captured here) and every request body
 * the target received are searched for every canary in plain, URL-encoded and base64 forms.
 *
 * <p>Ferry checks a supplied value against the digest recorded at the source, so the operator supplies the source's
 * own values: those may reach the target, but only in the bodies of its Secrets; the canaries of Secrets the plan does
 * not carry (the ACR pull secrets, which the registry edge replaces) must reach nothing at all.
 */
class WholeFlowSecretLeakTest {

    private static final Pattern CANARY = Pattern.compile(Pattern.quote(DemoEstate.CANARY_PREFIX) + "[A-Za-z0-9-]+");
    private static final Pattern SECRET_PATH = Pattern.compile("/api/v1/namespaces/[^/]+/secrets(/[^/]+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noCanaryLeavesTheSourceExceptSuppliedValuesIntoTargetSecrets() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path operator = Files.createDirectories(dir.resolve("operator-secrets"));
        Map<String, String> supplied = new LinkedHashMap<>();
        Map<String, String> carriedNowhere = new LinkedHashMap<>();
        sourceSecrets(operator, supplied, carriedNowhere);
        assertThat(supplied).as("supplied canaries").hasSizeGreaterThan(8);
        assertThat(carriedNowhere).as("canaries of Secrets the plan drops").hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> all = new LinkedHashMap<>(supplied);
        all.putAll(carriedNowhere);

        List<String> printed = new ArrayList<>();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        RequestLog targetRequests;
        // captured, not passed on: if a canary leaked, the build's own output must not carry it on
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (SandboxPair pair = SandboxPair.start(work.resolve("sandbox"), SandboxPair.Estate.DEMO, 0,
                Duration.ofMillis(5))) {
            targetRequests = pair.target().requests();
            targetRequests.keepBodies(true);
            runFlow(work, operator, pair, printed);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertThat(logText).as("the flow logged something").contains("INFO");

        CanarySearch everyCanary = new CanarySearch(all);
        List<String> leaks = new ArrayList<>(everyCanary.findInFiles(work));
        for (int i = 0; i < printed.size(); i++) {
            leaks.addAll(everyCanary.find("output of command " + i, printed.get(i)));
        }
        leaks.addAll(everyCanary.find("log", logText));
        CanarySearch dropped = new CanarySearch(carriedNowhere);
        int secretBodies = 0;
        for (RequestLog.Entry entry : targetRequests.entries()) {
            String where = "target " + entry.request();
            String body = entry.request().body();
            if (SECRET_PATH.matcher(entry.request().path()).matches()) {
                leaks.addAll(dropped.find(where, body));
                secretBodies += supplied.keySet().stream().anyMatch(c -> body.contains(base64(c))) ? 1 : 0;
            } else {
                leaks.addAll(everyCanary.find(where, body));
            }
        }
        assertThat(secretBodies).as("supplied values reached the target's Secrets (the sweep saw bodies)")
                .isPositive();
        assertThat(leaks).as("canaries found").isEmpty();
    }

    /** The demo estate's Secrets: values the plan needs go to the operator's folder, the others are never carried. */
    private static void sourceSecrets(Path operator, Map<String, String> supplied, Map<String, String> dropped)
            throws IOException {
        for (JsonNode object : DemoEstate.objects()) {
            if (!object.path("kind").asText().equals("Secret")) {
                continue;
            }
            String namespace = object.path("metadata").path("namespace").asText();
            String name = object.path("metadata").path("name").asText();
            boolean pullSecret = object.path("type").asText().equals("kubernetes.io/dockerconfigjson");
            Map<String, byte[]> values = new LinkedHashMap<>();
            object.path("data").fields().forEachRemaining(e -> values.put(e.getKey(),
                    Base64.getDecoder().decode(e.getValue().asText())));
            object.path("stringData").fields().forEachRemaining(e -> values.put(e.getKey(),
                    e.getValue().asText().getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, byte[]> value : values.entrySet()) {
                String text = new String(value.getValue(), StandardCharsets.UTF_8);
                String label = namespace + "/" + name + "/" + value.getKey();
                Map<String, String> into = pullSecret ? dropped : supplied;
                Matcher canary = CANARY.matcher(text);
                while (canary.find()) {
                    into.put(canary.group(), label);
                }
                if (pullSecret) {
                    // the registry credential inside the pull secret is a secret of its own
                    JSON.readTree(text).path("auths").forEach(auth -> into.put(auth.path("auth").asText(),
                            label + " (auth)"));
                } else {
                    Path file = operator.resolve(namespace).resolve(name).resolve(value.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, value.getValue());
                }
            }
        }
        dropped.remove("");
    }

    private void runFlow(Path work, Path operator, SandboxPair pair, List<String> printed) throws Exception {
        String source = pair.sourceKubeconfig().toString();
        String target = pair.targetKubeconfig().toString();
        Path inventory = work.resolve("inventory");
        Path bundle = work.resolve("bundle");
        Path settings = work.resolve("settings.yaml");
        Files.writeString(settings, """
                direction: aks-to-eks
                aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
                identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
                ingress: {certificates: {shop-tls: "arn:aws:acm:eu-west-1:111122223333:certificate/0000"}}
                storage: {efsFileSystemId: fs-0123456789abcdef0}
                zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
                """);
        run(printed, "inventory", "--context", SandboxPair.SOURCE_CONTEXT, "--kubeconfig", source, "--out",
                inventory.toString());
        run(printed, "propose", "--settings", settings.toString(), "--out", bundle.toString(), inventory.toString());
        run(printed, "approve", "--all", "--by", "leak-test", bundle.toString());
        String plan = run(printed, "plan", "--auto", "--by", "leak-test", bundle.toString());
        Matcher waves = Pattern.compile("(\\d+) waves, 0 blocked").matcher(plan);
        assertThat(waves.find()).as("the plan's summary in\n" + plan).isTrue();
        int count = Integer.parseInt(waves.group(1));
        assertThat(count).isGreaterThan(3);
        for (String format : List.of("md", "html", "json")) {
            run(printed, "report", "--format", format, "--out", work.resolve("report." + format).toString(),
                    bundle.toString());
        }
        run(printed, "bundle", "pack", "--out", work.resolve("bundle.zip").toString(), bundle.toString());
        String[] toTarget = {"--context", SandboxPair.TARGET_CONTEXT, "--kubeconfig", target};
        for (int wave = 0; wave < count; wave++) {
            run(printed, concat(new String[] {"apply", bundle.toString(), "--wave", Integer.toString(wave),
                    "--secrets-dir", operator.toString()}, toTarget));
        }
        run(printed, concat(new String[] {"status", bundle.toString()}, toTarget));
        for (int wave = count - 1; wave >= 0; wave--) {
            run(printed, concat(new String[] {"rollback", bundle.toString(), "--wave", Integer.toString(wave)},
                    toTarget));
        }
    }

    /** Runs one command in-process; it must succeed. Returns what it printed on standard output. */
    private static String run(List<String> printed, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FerryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        printed.add(out.toString());
        printed.add(err.toString());
        assertThat(code).as("ferry %s exited %d:\n%s\n%s", args[0], code, out, err).isZero();
        return out.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The search finds a canary planted in each form, in a file and inside a zip; else the sweep proves nothing. */
    @Test
    void theSearchFindsACanaryPlantedInEveryForm() throws IOException {
        String canary = DemoEstate.CANARY_PREFIX + "self-check-value";
        CanarySearch search = new CanarySearch(Map.of(canary, "the planted canary"));
        byte[] raw = canary.getBytes(StandardCharsets.UTF_8);
        List<String> planted = new ArrayList<>();
        planted.add("password: " + canary + "\n");
        planted.add("q=" + java.net.URLEncoder.encode("x y " + canary, StandardCharsets.UTF_8));
        planted.add("data: {k: " + Base64.getEncoder().encodeToString(raw) + "}");
        planted.add("token=" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        for (String prefix : List.of("a", "ab", "abc", "user:", "{\"password\":\"")) {
            byte[] longer = (prefix + canary + "\"}").getBytes(StandardCharsets.UTF_8);
            planted.add("auth: " + Base64.getEncoder().encodeToString(longer));
            planted.add("auth=" + Base64.getUrlEncoder().withoutPadding().encodeToString(longer));
            planted.add("next=" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(longer),
                    StandardCharsets.UTF_8));
        }
        Path root = Files.createDirectories(dir.resolve("planted"));
        for (int i = 0; i < planted.size(); i++) {
            Files.writeString(root.resolve("file-" + i + ".txt"), "before\n" + planted.get(i) + "\nafter\n");
            Path zip = Files.createDirectories(dir.resolve("zipped-" + i)).resolve("bundle.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("manifests/secret.yaml"));
                out.write(planted.get(i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            assertThat(search.findInFiles(zip.getParent())).as("zipped form %d", i).isNotEmpty();
        }
        List<String> hits = search.findInFiles(root);
        for (int i = 0; i < planted.size(); i++) {
            String file = "file-" + i + ".txt";
            assertThat(hits).as("form %d found", i).anyMatch(h -> h.startsWith(file + ":"));
        }
        Files.writeString(root.resolve("clean.txt"), "FERRY-CANARY-demo-another-value and "
                + Base64.getEncoder().encodeToString("unrelated".getBytes(StandardCharsets.UTF_8)));
        assertThat(search.findInFiles(root)).noneMatch(h -> h.startsWith("clean.txt"));
    }
}
