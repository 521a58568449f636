package dev.ferry.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark runner.
 *
 * <pre>
 * BenchMain run [--stages a,b|all] [--sizes 1000,10000] [--reps 3] [--warmup 1] [--seed 1]
 *               [--settings FILE] [--work DIR] [--results FILE.tsv]
 * BenchMain report --results FILE.tsv [--out FILE.md]
 * </pre>
 *
 * {@code run} measures every stage at every size in this JVM (bench/stages.sh starts one JVM per stage and size),
 * prints one line per measurement and appends it to the results file; {@code report} renders a results file as the
 * Markdown tables of {@code docs/benchmarks.md}. Stages: read, sanitize, rules, write-bundle, read-bundle,
 * review-open, app-open, propose, parse-write-floor, kustomize, inventory, apply.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("report"))) {
            out.println("usage: BenchMain run [--stages ...] [--sizes ...] [--reps N] [--warmup N] [--seed N] "
                    + "[--settings FILE] [--work DIR] [--results FILE]  |  BenchMain report --results FILE [--out FILE]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        if (args[0].equals("report")) {
            List<Measurement> results = readResults(Path.of(required(options, "--results")));
            String markdown = new ResultReport(results).markdown();
            if (options.containsKey("--out")) {
                Files.writeString(Path.of(options.get("--out")), markdown, StandardCharsets.UTF_8);
            } else {
                out.print(markdown);
            }
            return;
        }
        List<Measurement> results = run(options, line -> out.println(line.toString()));
        if (options.containsKey("--results")) {
            appendResults(Path.of(options.get("--results")), results);
        }
    }

    /** Runs what {@code options} ask for and returns the measurements, telling {@code each} as they come. */
    static List<Measurement> run(Map<String, String> options, java.util.function.Consumer<Measurement> each)
            throws Exception {
        List<Stage> stages = new ArrayList<>();
        String wanted = options.getOrDefault("--stages", "all");
        if (wanted.equals("all")) {
            stages.addAll(Stages.all());
        } else {
            for (String id : wanted.split(",")) {
                stages.add(Stages.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "Unknown stage " + id + "; the stages are " + Stages.ids())));
            }
        }
        StageRunner runner = new StageRunner(Integer.parseInt(options.getOrDefault("--warmup", "1")),
                Integer.parseInt(options.getOrDefault("--reps", "3")));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        Path work = Path.of(options.getOrDefault("--work", System.getProperty("java.io.tmpdir") + "/ferry-bench"));
        Files.createDirectories(work);
        Path settings = options.containsKey("--settings") ? Path.of(options.get("--settings")) : null;
        List<Measurement> results = new ArrayList<>();
        for (String size : options.getOrDefault("--sizes", "1000").split(",")) {
            Fixture fixture = new Fixture(Integer.parseInt(size.trim()), seed, work, settings);
            for (Stage stage : stages) {
                Measurement m = runner.measure(stage, fixture);
                each.accept(m);
                results.add(m);
            }
        }
        return results;
    }

    static List<Measurement> readResults(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(Measurement::fromTsv).toList();
    }

    static void appendResults(Path file, List<Measurement> results) throws IOException {
        StringBuilder text = new StringBuilder();
        results.forEach(m -> text.append(m.toTsv()).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
