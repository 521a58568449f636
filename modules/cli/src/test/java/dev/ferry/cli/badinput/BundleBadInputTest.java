package dev.ferry.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that opens a bundle ({@code diff}, {@code approve}, {@code bundle verify}, {@code bundle merge} on
 * either side) given a bundle that was broken, tampered with or made hostile: refused with a message naming the file,
 * no stack trace, and every bundle involved left byte for byte as it was.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BundleBadInputTest {

    @FunctionalInterface
    interface Corruption {
        /** Breaks the bundle folder; returns what the message must name. */
        String apply(Path bundle, Path outside) throws IOException;
    }

    @TempDir
    static Path shared;
    static Path pristine;

    @TempDir
    Path dir;
    Path bundle;
    Path good;
    Path outside;

    @BeforeAll
    static void propose() throws IOException {
        Path estate = HostileFiles.write(shared, "estate.yaml", HostileFiles.DEPLOYMENT + """
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
        pristine = shared.resolve("pristine");
        Ferry run = Ferry.run("propose", "--out", pristine, estate);
        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @BeforeEach
    void copies() throws IOException {
        bundle = copy(pristine, dir.resolve("bundle"));
        good = copy(pristine, dir.resolve("good"));
        outside = HostileFiles.write(dir, "outside/secret.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: not-in-the-bundle}\n");
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("bundle.yaml truncated", (Corruption) (b, o) -> keep(b.resolve("bundle.yaml"), 30)),
                Arguments.of("bundle.yaml not YAML", (Corruption) (b, o) -> replace(b, "bundle.yaml", "format: [ferry\n")),
                Arguments.of("bundle.yaml alias bomb", (Corruption) (b, o) -> hostile(b, "bundle.yaml", HostileFiles::aliasBomb)),
                Arguments.of("bundle.yaml deep nesting", (Corruption) (b, o) -> hostile(b, "bundle.yaml", HostileFiles::deepFlow)),
                Arguments.of("bundle.yaml a PNG", (Corruption) (b, o) -> hostile(b, "bundle.yaml", HostileFiles::png)),
                Arguments.of("bundle.yaml invalid UTF-8", (Corruption) (b, o) -> hostile(b, "bundle.yaml", HostileFiles::invalidUtf8)),
                Arguments.of("bundle.yaml empty", (Corruption) (b, o) -> replace(b, "bundle.yaml", "")),
                Arguments.of("bundle.yaml a list", (Corruption) (b, o) -> replace(b, "bundle.yaml", "- a\n- b\n")),
                Arguments.of("bundle.yaml 100 MB scalar", (Corruption) (b, o) -> hostile(b, "bundle.yaml", HostileFiles::hugeScalar)),
                Arguments.of("bundle.yaml lists a file outside", (Corruption) (b, o) -> {
                    Files.writeString(b.resolve("bundle.yaml"), Files.readString(b.resolve("bundle.yaml"))
                            .replace("files:\n", "files:\n  ../outside/secret.yaml: 00\n"));
                    return "outside the bundle";
                }),
                Arguments.of("changes.yaml malformed", (Corruption) (b, o) -> cut(b.resolve("changes.yaml"), 0.3)),
                Arguments.of("changes.yaml deep nesting", (Corruption) (b, o) -> hostile(b, "changes.yaml", HostileFiles::deepBlockSequence)),
                Arguments.of("changes.yaml alias bomb", (Corruption) (b, o) -> hostile(b, "changes.yaml", HostileFiles::aliasBomb)),
                Arguments.of("changes.yaml of scalars", (Corruption) (b, o) -> replace(b, "changes.yaml", "- 1\n- two\n")),
                Arguments.of("changes.yaml with a bad approval time", (Corruption) (b, o) -> {
                    Path changes = b.resolve("changes.yaml");
                    Files.writeString(changes, Files.readString(changes).replaceFirst("status: pending",
                            "status: approved\n  approval: {by: x, at: yesterday, sha256: x}"));
                    return "changes.yaml";
                }),
                Arguments.of("changes.yaml removed", (Corruption) (b, o) -> {
                    Files.delete(b.resolve("changes.yaml"));
                    return "changes.yaml";
                }),
                Arguments.of("excluded.yaml of wrong types", (Corruption) (b, o) -> replace(b, "excluded.yaml",
                        "- resource: [1, 2]\n  reason: {a: b}\n- 7\n")),
                Arguments.of("plan.yaml malformed", (Corruption) (b, o) -> replace(b, "plan.yaml", "waves: [{number: \n")),
                Arguments.of("audit.log garbage", (Corruption) (b, o) -> hostile(b, "audit.log", HostileFiles::randomBytes)),
                Arguments.of("settings.yaml unknown direction", (Corruption) (b, o) -> replace(b, "settings.yaml", "direction: gke-to-aks\n")),
                Arguments.of("a source file invalid UTF-8", (Corruption) (b, o) -> hostile(b, sourceFile(b), HostileFiles::invalidUtf8)),
                Arguments.of("a source file alias bomb", (Corruption) (b, o) -> hostile(b, sourceFile(b), HostileFiles::aliasBomb)),
                Arguments.of("a source file replaced by a link outside", (Corruption) (b, o) -> {
                    String file = sourceFile(b);
                    Files.delete(b.resolve(file));
                    Files.createSymbolicLink(b.resolve(file), o);
                    return file;
                }),
                Arguments.of("proposed/ a link to a folder outside", (Corruption) (b, o) -> {
                    deleteTree(b.resolve("proposed"));
                    Files.createSymbolicLink(b.resolve("proposed"), o.getParent());
                    return "proposed";
                }),
                Arguments.of("an artifact a link outside", (Corruption) (b, o) -> {
                    Files.createDirectories(b.resolve("artifacts"));
                    Files.createSymbolicLink(b.resolve("artifacts/policy.json"), o);
                    return "artifacts/policy.json";
                }));
    }

    @ParameterizedTest(name = "diff: {0}")
    @MethodSource("corruptions")
    void diffRefusesAndNamesTheFile(String label, Corruption corruption) throws IOException {
        String named = corruption.apply(bundle, outside);
        Map<String, String> before = Ferry.snapshot(bundle);

        Ferry.run("diff", bundle).refusedNaming(named);

        assertThat(Ferry.snapshot(bundle)).isEqualTo(before);
    }

    @ParameterizedTest(name = "approve: {0}")
    @MethodSource("corruptions")
    void approveRefusesAndWritesNothing(String label, Corruption corruption) throws IOException {
        String named = corruption.apply(bundle, outside);
        Map<String, String> before = Ferry.snapshot(bundle);
        Map<String, String> outsideBefore = Ferry.snapshot(outside.getParent());

        Ferry.run("approve", bundle, "--all", "--by", "mallory").refusedNaming(named);

        assertThat(Ferry.snapshot(bundle)).isEqualTo(before);
        assertThat(Ferry.snapshot(outside.getParent())).isEqualTo(outsideBefore);
    }

    @ParameterizedTest(name = "verify: {0}")
    @MethodSource("corruptions")
    void verifyRefuses(String label, Corruption corruption) throws IOException {
        String named = corruption.apply(bundle, outside);

        Ferry.run("bundle", "verify", bundle).refusedNaming(named);
    }

    @ParameterizedTest(name = "merge from: {0}")
    @MethodSource("corruptions")
    void mergeFromABrokenCopyLeavesTheTargetByteForByte(String label, Corruption corruption) throws IOException {
        String named = corruption.apply(bundle, outside);
        Map<String, String> before = Ferry.snapshot(good);

        Ferry.run("bundle", "merge", good, bundle).refusedNaming(named);

        assertThat(Ferry.snapshot(good)).isEqualTo(before);
    }

    @ParameterizedTest(name = "merge into: {0}")
    @MethodSource("corruptions")
    void mergeIntoABrokenBundleLeavesItByteForByte(String label, Corruption corruption) throws IOException {
        String named = corruption.apply(bundle, outside);
        Ferry.run("approve", good, "--all", "--by", "reviewer");
        Map<String, String> before = Ferry.snapshot(bundle);

        Ferry.run("bundle", "merge", bundle, good).refusedNaming(named);

        assertThat(Ferry.snapshot(bundle)).isEqualTo(before);
    }

    // ---- tampering that leaves the bundle readable: reported, never laundered

    @Test
    void verifyListsAFileChangedAddedOrRemovedAfterItsDigestWasRecorded() throws IOException {
        String changed = sourceFile(bundle);
        Files.writeString(bundle.resolve(changed), Files.readString(bundle.resolve(changed)).replace("replicas: 2", "replicas: 20"));
        HostileFiles.write(bundle, "proposed/shop/ConfigMap.planted.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: planted, namespace: shop}\n");
        String removed = "report.md";
        Files.delete(bundle.resolve(removed));

        Ferry run = Ferry.run("bundle", "verify", bundle).refusedNaming("changed outside Ferry",
                "changed:  " + changed, "added:    proposed/shop/ConfigMap.planted.yaml", "missing:  " + removed);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBundleYamlCutInItsFileListStillOpensAndVerifyNamesTheFilesNoLongerRecorded() throws IOException {
        Path manifest = bundle.resolve("bundle.yaml");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.indexOf("  proposed/")));

        Ferry.run("bundle", "verify", bundle).refusedNaming("added:    proposed/shop/deployment.web.yaml",
                "added:    source/shop/deployment.web.yaml");
        Ferry diff = Ferry.run("diff", bundle).withoutStackTrace();
        assertThat(diff.err()).contains("warning:", "changed outside Ferry", "proposed/shop/deployment.web.yaml");
    }

    @Test
    void reviewingATamperedBundleWarnsAndNeverRecordsTheTamperedDigest() throws IOException {
        String changed = sourceFile(bundle);
        Files.writeString(bundle.resolve(changed), Files.readString(bundle.resolve(changed)).replace("replicas: 2", "replicas: 20"));

        Ferry diff = Ferry.run("diff", bundle).withoutStackTrace();
        assertThat(diff.err()).contains("warning:", "changed outside Ferry", changed);
        Ferry approve = Ferry.run("approve", bundle, "--all", "--by", "dana").withoutStackTrace();
        assertThat(approve.err()).contains("warning:", changed);

        Ferry.run("bundle", "verify", bundle).refusedNaming("changed:  " + changed);
    }

    @Test
    void mergeRefusesAReviewedCopyThatWasTamperedWith() throws IOException {
        Ferry.run("approve", bundle, "--all", "--by", "reviewer");
        Path changes = bundle.resolve("changes.yaml");
        Files.writeString(changes, Files.readString(changes).replace("by: reviewer", "by: someone-else"));
        Map<String, String> before = Ferry.snapshot(good);

        Ferry.run("bundle", "merge", good, bundle).refusedNaming("altered outside Ferry", "changes.yaml",
                "nothing was merged");

        assertThat(Ferry.snapshot(good)).isEqualTo(before);
    }

    // ---- zips

    /** Where a zip entry with an absolute path would land if it were followed. */
    static final Path ABSOLUTE_ENTRY = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("ferry-evil-" + ProcessHandle.current().pid() + ".yaml").toAbsolutePath();

    @TempDir
    static Path bombs;
    static Path zipBomb;

    @BeforeAll
    static void zipBomb() throws IOException {
        zipBomb = HostileFiles.zipBomb(bombs, "bomb.zip", 1024);
    }

    static Stream<Arguments> hostileZips() {
        return Stream.of(
                Arguments.of("zip-slip", (ZipMaker) d -> HostileFiles.zipWithEntry(d, "slip.zip", "../../evil.yaml",
                        "x: 1\n".getBytes(StandardCharsets.UTF_8)), "zip-slip"),
                Arguments.of("absolute path", (ZipMaker) d -> HostileFiles.zipWithEntry(d, "absolute.zip",
                        ABSOLUTE_ENTRY.toString(), "x: 1\n".getBytes(StandardCharsets.UTF_8)),
                        "points outside the bundle"),
                Arguments.of("zip bomb", (ZipMaker) d -> Files.copy(zipBomb, d.resolve("bomb.zip")), "bomb.zip"),
                Arguments.of("random bytes", (ZipMaker) d -> HostileFiles.randomBytes(d, "random.zip"), "random.zip"),
                Arguments.of("empty file", (ZipMaker) d -> Files.write(d.resolve("empty.zip"), new byte[0]), "empty.zip"),
                Arguments.of("cut in half", (ZipMaker) d -> {
                    Path zip = d.resolve("cut.zip");
                    assertThat(Ferry.run("bundle", "pack", pristine, "--out", zip).exitCode()).isZero();
                    cut(zip, 0.5);
                    return zip;
                }, "cut.zip"));
    }

    @FunctionalInterface
    interface ZipMaker {
        Path make(Path dir) throws IOException;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileZips")
    void everyCommandRefusesAHostileZipAndNothingLandsOutside(String label, ZipMaker maker, String named)
            throws IOException {
        Path zip = maker.make(dir);
        Map<String, String> zipBefore = Ferry.snapshot(zip);
        Map<String, String> goodBefore = Ferry.snapshot(good);

        Ferry.run("diff", zip).refusedNaming(named);
        Ferry.run("approve", zip, "--all", "--by", "mallory").refusedNaming(named);
        Ferry.run("bundle", "verify", zip).refusedNaming(named);
        Ferry.run("bundle", "merge", good, zip).refusedNaming(named);

        assertThat(Ferry.snapshot(zip)).isEqualTo(zipBefore);
        assertThat(Ferry.snapshot(good)).isEqualTo(goodBefore);
        assertThat(dir.getParent().resolve("evil.yaml")).doesNotExist();
        assertThat(ABSOLUTE_ENTRY).doesNotExist();
    }

    @Test
    void aZipOfATamperedBundleIsReportedByVerifyAndRefusedByMerge() throws IOException {
        String changed = sourceFile(bundle);
        Files.writeString(bundle.resolve(changed), Files.readString(bundle.resolve(changed)).replace("replicas: 2", "replicas: 20"));
        Path zip = dir.resolve("tampered.zip");
        // pack refuses a tampered bundle, so zip it the way an attacker would
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> walk = Files.walk(bundle)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(bundle.relativize(file).toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        Map<String, String> goodBefore = Ferry.snapshot(good);

        Ferry.run("bundle", "verify", zip).refusedNaming("changed:  " + changed);
        Ferry.run("bundle", "merge", good, zip).refusedNaming("altered outside Ferry", changed);
        assertThat(Ferry.snapshot(good)).isEqualTo(goodBefore);
    }

    // ---- helpers

    static String sourceFile(Path bundle) {
        try (Stream<Path> walk = Files.walk(bundle.resolve("source"))) {
            return bundle.relativize(walk.filter(p -> p.toString().endsWith("deployment.web.yaml")).findFirst()
                    .orElseThrow()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cut(Path file, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return file.getFileName().toString();
    }

    private static String keep(Path file, int bytes) throws IOException {
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), bytes));
        return file.getFileName().toString();
    }

    private static String replace(Path bundle, String name, String text) throws IOException {
        Files.writeString(bundle.resolve(name), text);
        return name;
    }

    private static String hostile(Path bundle, String name, ProposeBadInputTest.Writer writer) throws IOException {
        Path scratch = Files.createTempDirectory(bundle.getParent(), "scratch");
        Path made = writer.write(scratch, "hostile");
        Files.move(made, bundle.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        return name;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
