package dev.ferry.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two other files Ferry reads: {@code propose --settings F} and {@code inventory --kubeconfig F --context X}.
 * A broken one is refused before anything is read or written, with a message naming it and never its content.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SettingsAndKubeconfigBadInputTest {

    /** A value that must never be echoed back: it stands for a token in a kubeconfig. */
    private static final String CANARY = "canary-token-b4d1nput";

    @TempDir
    Path dir;
    Path manifests;

    @BeforeEach
    void manifests() throws IOException {
        manifests = HostileFiles.write(dir, "estate.yaml", HostileFiles.DEPLOYMENT);
    }

    // ---- settings

    static Stream<Arguments> hostileSettings() {
        return Stream.of(
                Arguments.of("malformed", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "direction: aks-to-eks\naws: {accountId: \"1111\n"), "settings.yaml:"),
                Arguments.of("truncated", (ProposeBadInputTest.Writer) HostileFiles::truncated, "settings.yaml:"),
                Arguments.of("alias bomb", (ProposeBadInputTest.Writer) HostileFiles::aliasBomb, "billion laughs"),
                Arguments.of("100 MB", (ProposeBadInputTest.Writer) HostileFiles::hugeScalar, "larger than 1 MB"),
                Arguments.of("deep nesting", (ProposeBadInputTest.Writer) HostileFiles::deepFlow, "nested"),
                Arguments.of("invalid UTF-8", (ProposeBadInputTest.Writer) HostileFiles::invalidUtf8, "UTF-8"),
                Arguments.of("a PNG", (ProposeBadInputTest.Writer) HostileFiles::png, "settings.yaml"),
                Arguments.of("random bytes", (ProposeBadInputTest.Writer) HostileFiles::randomBytes, "settings.yaml"),
                Arguments.of("duplicate keys", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "aws: {region: eu-west-1}\naws: {region: eu-west-2}\n"), "settings.yaml:2"),
                Arguments.of("a list", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n, "- a\n- b\n"),
                        "must be a mapping"),
                Arguments.of("unknown direction", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "direction: gke-to-eks\n"), "unknown direction"),
                Arguments.of("direction a list", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "direction: [aks-to-eks]\n"), "direction"),
                Arguments.of("a group that is not a mapping", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "aws: [111122223333, eu-west-1]\n"), "`aws`"),
                Arguments.of("a value that is a mapping", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "aws: {accountId: {id: 111122223333}}\n"), "`aws.accountId`"),
                Arguments.of("a map that is a list", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "zones: [westeurope-1, eu-west-1a]\n"), "`zones`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSettings")
    void proposeRefusesBrokenSettingsAndWritesNothing(String label, ProposeBadInputTest.Writer writer, String detail)
            throws IOException {
        Path settings = writer.write(dir, "settings.yaml");
        Path out = dir.resolve("bundle");

        Ferry.run("propose", "--settings", settings, "--out", out, manifests)
                .refusedNaming(settings.toString(), detail);

        assertThat(out).doesNotExist();
    }

    @Test
    void unknownKeysAreWarnedAboutByNameAndTheRestIsUsed() throws IOException {
        Path settings = HostileFiles.write(dir, "settings.yaml",
                "aws: {acountId: \"111122223333\", region: eu-west-1}\nzonez: {westeurope-1: eu-west-1a}\n");
        Path out = dir.resolve("bundle");

        Ferry run = Ferry.run("propose", "--settings", settings, "--out", out, manifests).withoutStackTrace();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).contains("warning: " + settings + ": unknown key `aws.acountId`",
                "unknown key `zonez`");
    }

    @Test
    void aMissingSettingsFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        Ferry.run("propose", "--settings", missing, "--out", dir.resolve("bundle"), manifests)
                .refusedNaming(missing + " does not exist");
        assertThat(dir.resolve("bundle")).doesNotExist();
    }

    // ---- kubeconfig

    private static final String CLUSTER = """
            apiVersion: v1
            kind: Config
            clusters:
              - name: aks
                cluster:
                  server: https://127.0.0.1:1
                  %s
            users:
              - name: admin
                user:
                  %s
            contexts:
              - name: aks
                context: {cluster: aks, user: admin}
            current-context: aks
            """;

    static Stream<Arguments> hostileKubeconfigs() {
        return Stream.of(
                Arguments.of("not YAML", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "clusters: [{name: aks\ntoken: " + CANARY + "\n"), "is not a valid kubeconfig"),
                Arguments.of("a PNG", (ProposeBadInputTest.Writer) HostileFiles::png, "kubeconfig"),
                Arguments.of("random bytes", (ProposeBadInputTest.Writer) HostileFiles::randomBytes, "kubeconfig"),
                Arguments.of("invalid UTF-8", (ProposeBadInputTest.Writer) HostileFiles::invalidUtf8, "UTF-8"),
                Arguments.of("alias bomb", (ProposeBadInputTest.Writer) HostileFiles::aliasBomb, "kubeconfig"),
                Arguments.of("deep nesting", (ProposeBadInputTest.Writer) HostileFiles::deepFlow, "kubeconfig"),
                Arguments.of("100 MB", (ProposeBadInputTest.Writer) HostileFiles::hugeScalar, "kubeconfig"),
                Arguments.of("empty", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n, ""), "`aks`"),
                Arguments.of("no contexts", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n"), "(none)"),
                Arguments.of("context names no cluster", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        "apiVersion: v1\nkind: Config\ncontexts: [{name: aks, context: {cluster: gone, user: u}}]\n"),
                        "`gone`"),
                Arguments.of("missing client certificate", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        CLUSTER.formatted("insecure-skip-tls-verify: true",
                                "client-certificate: missing/client.crt\n      client-key: missing/client.key")),
                        "client.crt"),
                Arguments.of("missing certificate authority", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        CLUSTER.formatted("certificate-authority: /nonexistent/ca.crt", "token: " + CANARY)),
                        "/nonexistent/ca.crt"),
                Arguments.of("missing token file", (ProposeBadInputTest.Writer) (d, n) -> HostileFiles.write(d, n,
                        CLUSTER.formatted("insecure-skip-tls-verify: true", "tokenFile: /nonexistent/token")),
                        "/nonexistent/token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileKubeconfigs")
    void inventoryRefusesABrokenKubeconfigNamingItAndNeverItsContent(String label, ProposeBadInputTest.Writer writer,
            String detail) throws IOException {
        Path kubeconfig = writer.write(dir, "kubeconfig");
        Path out = dir.resolve("inventory");

        Ferry run = Ferry.run("inventory", "--kubeconfig", kubeconfig, "--context", "aks", "--out", out)
                .refusedNaming(detail);

        assertThat(run.err()).contains(kubeconfig.toString()).doesNotContain(CANARY);
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingKubeconfigIsNamed() {
        Path missing = dir.resolve("nope");
        Ferry.run("inventory", "--kubeconfig", missing, "--context", "aks", "--out", dir.resolve("inventory"))
                .refusedNaming("`" + missing + "` does not exist");
    }
}
