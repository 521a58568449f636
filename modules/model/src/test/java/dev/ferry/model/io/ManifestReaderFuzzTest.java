package dev.ferry.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.KubeObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the reader with structured-but-broken YAML: real manifests (the shared corpus when present, built-in ones
 * otherwise) with random mutations — characters flipped, text cut, lines duplicated or dropped, and YAML's sharp
 * edges inserted (anchors, aliases, merge keys, tags, tabs, control characters, BOMs, document markers, deep nesting).
 *
 * <p>The property: the reader returns objects or problems, every problem names the input, a document and a line
 * inside the text, and nothing is thrown. Memory stays bounded by the surefire heap limit. The budget is jqwik's
 * tries ({@code jqwik.tries.default} in {@code junit-platform.properties}: 2,000 in CI, higher for a long run).
 */
class ManifestReaderFuzzTest {

    private static final String NAME = "fuzz.yaml";

    private static final List<String> SHARP_EDGES = List.of(
            "&a ", "*a", "*missing", "<<: *a\n", "<<: [*a, *a]\n", "&a [*a]", "!!binary ", "!!python/object:os.system ",
            "!!map ", "!!str ", "!<tag:yaml.org,2002:int> ", "!custom ", "\t", "\u0000", "\u0007", "\u001b", "\uFEFF",
            "\u2028", "\uD800", "\r", "\r\n", "---\n", "--- ", "...\n", "---", "%YAML 1.1\n", "%TAG ! tag:x,2002:\n",
            "{", "}", "[", "]", ",", ": ", ":", "- ", "? ", "|\n", "|-\n", ">+\n", "\"", "'", "\\", "#", "@", "`",
            "0x1F", "0o17", "1e400", "-.inf", ".nan", "~", "null", "yes", "on", "2001-12-14t21:59:43.10-05:00",
            "kind: List\nitems: [1, a]\n", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
            "metadata: {name: dup}\nmetadata: {name: dup}\n", "\n  \n\t\n");

    private static final List<String> BUILT_IN = List.of("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: &labels {app: web, tier: front}
            spec:
              replicas: 2
              selector: {matchLabels: *labels}
              template:
                metadata: {labels: *labels}
                spec:
                  containers:
                    - name: web
                      image: shopacr.azurecr.io/web:1.4.2
                      env: [{name: A, value: "1"}]
            """, """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: shop}
                data: &base {x: "1", y: "2"}
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: b, namespace: shop}
                data:
                  <<: *base
                  z: "3"
            """, """
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations:
                appgw.ingress.kubernetes.io/health-probe-path: /healthz
            spec:
              rules:
                - host: shop.example.com
                  http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {ports: [{port: 80, targetPort: 8080}], type: LoadBalancer}
            """);

    private final ManifestReader reader = new ManifestReader();
    private final YamlTreeReader trees = new YamlTreeReader(ReadLimits.defaults());

    @Property
    void readerReturnsObjectsOrProblemsThatNameTheInputAndALine(@ForAll("brokenManifests") String text) {
        ManifestSet read = reader.readText(NAME, text);

        int lines = YamlTreeReader.lastLine(text.replace("\r\n", "\n").replace('\r', '\n'));
        for (ManifestProblem problem : read.problems()) {
            assertThat(problem.file()).isEqualTo(NAME);
            assertThat(problem.document()).as(problem.toString()).isPositive();
            assertThat(problem.line()).as(problem.toString()).isBetween(1, lines);
            assertThat(problem.message()).as(problem.toString()).isNotBlank()
                    .doesNotContain("Exception", "\tat ", "org.yaml", "com.fasterxml");
        }
        for (KubeObject object : read.objects()) {
            assertThat(object.key().kind()).isNotBlank();
            assertThat(object.key().name()).isNotBlank();
            assertThat(object.origin().file()).isEqualTo(NAME);
        }
    }

    @Property
    void treeReaderThrowsNothingButItsOwnCheckedException(@ForAll("brokenManifests") String text) {
        try {
            trees.read(text);
        } catch (YamlTreeReader.YamlReadException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception", "org.yaml");
            assertThat(e.line()).isBetween(0, YamlTreeReader.lastLine(text));
        }
    }

    @Provide
    Arbitrary<String> brokenManifests() {
        List<String> seeds = seeds();
        Arbitrary<String> seed = Arbitraries.of(seeds);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(seed, mutations).as((text, list) -> {
            String mutated = text;
            for (Mutation m : list) {
                mutated = m.apply(mutated);
            }
            return mutated;
        });
    }

    /** One edit of the text at a relative position (0..1), so it applies to any length. */
    @FunctionalInterface
    interface Mutation {
        String apply(String text);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> insert = Combinators.combine(at, Arbitraries.of(SHARP_EDGES))
                .as((where, edge) -> text -> insert(text, where, edge));
        Arbitrary<Mutation> flip = Combinators.combine(at, Arbitraries.chars().all())
                .as((where, c) -> text -> text.isEmpty() ? text
                        : text.substring(0, index(text, where)) + c + text.substring(Math.min(text.length(), index(text, where) + 1)));
        Arbitrary<Mutation> truncate = at.map(where -> text -> text.substring(0, index(text, where)));
        Arbitrary<Mutation> deleteRange = Combinators.combine(at, Arbitraries.integers().between(1, 40))
                .as((where, length) -> text -> {
                    int from = index(text, where);
                    return text.substring(0, from) + text.substring(Math.min(text.length(), from + length));
                });
        Arbitrary<Mutation> duplicateLine = at.map(where -> text -> {
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (lines.isEmpty()) {
                return text;
            }
            int i = (int) (where * (lines.size() - 1));
            lines.add(i, lines.get(i));
            return String.join("\n", lines) + "\n";
        });
        Arbitrary<Mutation> reindent = Combinators.combine(at, Arbitraries.of("", " ", "   ", "\t", "        "))
                .as((where, indent) -> text -> {
                    List<String> lines = new ArrayList<>(text.lines().toList());
                    if (lines.isEmpty()) {
                        return text;
                    }
                    int i = (int) (where * (lines.size() - 1));
                    lines.set(i, indent + lines.get(i).stripLeading());
                    return String.join("\n", lines) + "\n";
                });
        Arbitrary<Mutation> nest = Combinators.combine(at, Arbitraries.integers().between(50, 5000),
                        Arbitraries.of("[", "{a: ", "- ", "&x [", "!!seq ["))
                .as((where, depth, opener) -> text -> insert(text, where, opener.repeat(depth)));
        Arbitrary<Mutation> repeat = Combinators.combine(at, Arbitraries.integers().between(2, 2000))
                .as((where, times) -> text -> {
                    int from = index(text, where);
                    int to = Math.min(text.length(), from + 12);
                    return text.substring(0, to) + text.substring(from, to).repeat(times) + text.substring(to);
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, insert), net.jqwik.api.Tuple.of(4, flip), net.jqwik.api.Tuple.of(2, truncate),
                net.jqwik.api.Tuple.of(2, deleteRange), net.jqwik.api.Tuple.of(2, duplicateLine),
                net.jqwik.api.Tuple.of(2, reindent), net.jqwik.api.Tuple.of(1, nest), net.jqwik.api.Tuple.of(1, repeat));
    }

    private static int index(String text, double where) {
        return (int) Math.round(where * text.length());
    }

    private static String insert(String text, double where, String what) {
        int i = index(text, where);
        return text.substring(0, i) + what + text.substring(i);
    }

    /** The built-in manifests and, when the shared corpus is there, up to 40 of its smaller files. */
    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(BUILT_IN);
        String corpus = System.getProperty("ferry.corpus");
        if (corpus != null && Files.isDirectory(Path.of(corpus))) {
            try (Stream<Path> walk = Files.walk(Path.of(corpus))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).filter(ManifestReaderFuzzTest::small).sorted()
                        .limit(40).forEach(p -> seeds.add(read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static boolean small(Path file) {
        try {
            return Files.size(file) < 16 * 1024;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
