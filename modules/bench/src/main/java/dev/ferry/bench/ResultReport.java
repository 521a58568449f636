package dev.ferry.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders measurements as the Markdown of {@code docs/benchmarks.md}: the per-stage table, cost growth per object
 * from the smallest to the largest estate, and {@code propose} against the parse-and-write floor and kustomize.
 */
final class ResultReport {

    /** Per-object cost may vary this much between sizes and still count as linear (JIT, GC and disk noise). */
    static final double LINEAR_TOLERANCE = 1.5;

    /** Stages that run in another process, whose memory this JVM does not see. */
    private static final java.util.Set<String> EXTERNAL = java.util.Set.of("kustomize");

    private final List<Measurement> results;

    ResultReport(List<Measurement> results) {
        List<String> order = Stages.ids();
        this.results = results.stream()
                .sorted(Comparator.comparingInt((Measurement m) -> rank(order, m.stage()))
                        .thenComparingInt(Measurement::requested))
                .toList();
    }

    private static int rank(List<String> order, String stage) {
        int i = order.indexOf(stage);
        return i < 0 ? order.size() : i;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| stage | objects | reps | median (ms) | objects/s | µs/object | peak heap (MiB) "
                + "| peak live (MiB) | inputs held (MiB) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : results) {
            if (m.ran() && EXTERNAL.contains(m.stage())) {
                out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %.1f | – | – | – |%n",
                        m.stage(), m.objects(), m.repetitions(), m.medianMillis(), m.throughput(), m.microsPerObject()));
            } else if (m.ran()) {
                out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %.1f | %,d | %,d | %,d |%n",
                        m.stage(), m.objects(), m.repetitions(), m.medianMillis(), m.throughput(), m.microsPerObject(),
                        m.peakHeapMiB(), m.peakLiveMiB(), m.inputsMiB()));
            }
        }
        for (Measurement m : results) {
            if (!m.ran()) {
                out.append(String.format(Locale.ROOT, "%n- **%s** at %,d objects: skipped: %s", m.stage(),
                        m.requested(), m.skipped()));
            }
        }
        return out.toString();
    }

    /** Per stage: µs per object and peak live heap per object at each size, and whether the cost is linear. */
    String growth() {
        Map<String, List<Measurement>> byStage = new TreeMap<>(Comparator.comparingInt(s -> rank(Stages.ids(), s)));
        for (Measurement m : results) {
            if (m.ran()) {
                byStage.computeIfAbsent(m.stage(), k -> new ArrayList<>()).add(m);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| stage | µs/object by size | KiB live heap/object by size | worst step: µs/object, larger ÷ "
                + "smaller size | verdict |\n|---|---|---|---:|---|\n");
        for (Map.Entry<String, List<Measurement>> entry : byStage.entrySet()) {
            List<Measurement> sizes = entry.getValue();
            if (sizes.size() < 2) {
                continue;
            }
            // The worst step between neighbouring sizes: a quadratic term hides behind fixed costs at the small end.
            double ratio = 0;
            for (int i = 1; i < sizes.size(); i++) {
                ratio = Math.max(ratio, sizes.get(i).microsPerObject() / sizes.get(i - 1).microsPerObject());
            }
            String heap = EXTERNAL.contains(entry.getKey()) ? "–"
                    : join(sizes, m -> String.format(Locale.ROOT, "%.1f", m.peakLiveMiB() * 1024.0 / m.objects()));
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |%n", entry.getKey(),
                    join(sizes, m -> String.format(Locale.ROOT, "%.1f", m.microsPerObject())), heap,
                    ratio, ratio <= LINEAR_TOLERANCE ? "linear or better" : "grows faster than linear"));
        }
        return out.toString();
    }

    /** {@code propose} ÷ the parse-and-write floor, and ÷ kustomize, at every size both ran. */
    String baselines() {
        StringBuilder out = new StringBuilder();
        out.append("| objects | propose (ms) | parse-write floor (ms) | propose ÷ floor | within 2× | "
                + "kubectl kustomize (ms) | propose ÷ kustomize |\n|---:|---:|---:|---:|---|---:|---:|\n");
        for (Measurement propose : results) {
            if (!propose.stage().equals("propose") || !propose.ran()) {
                continue;
            }
            Optional<Measurement> floor = find("parse-write-floor", propose.requested());
            Optional<Measurement> kustomize = find("kustomize", propose.requested());
            String floorMs = floor.map(f -> String.format(Locale.ROOT, "%,d", f.medianMillis())).orElse("–");
            String ratio = floor.map(f -> String.format(Locale.ROOT, "%.2f",
                    (double) propose.medianMillis() / f.medianMillis())).orElse("–");
            String within = floor.map(f -> propose.medianMillis() <= 2 * f.medianMillis() ? "yes" : "no").orElse("–");
            String kMs = kustomize.map(k -> String.format(Locale.ROOT, "%,d", k.medianMillis())).orElse("skipped");
            String kRatio = kustomize.map(k -> String.format(Locale.ROOT, "%.2f",
                    (double) propose.medianMillis() / k.medianMillis())).orElse("–");
            out.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s | %s |%n", propose.objects(),
                    propose.medianMillis(), floorMs, ratio, within, kMs, kRatio));
        }
        return out.toString();
    }

    private Optional<Measurement> find(String stage, int requested) {
        return results.stream().filter(m -> m.stage().equals(stage) && m.requested() == requested && m.ran())
                .findFirst();
    }

    private static String join(List<Measurement> sizes, java.util.function.Function<Measurement, String> cell) {
        List<String> parts = new ArrayList<>();
        for (Measurement m : sizes) {
            parts.add(String.format(Locale.ROOT, "%s @%s", cell.apply(m), size(m.objects())));
        }
        return String.join(" → ", parts);
    }

    private static String size(int objects) {
        return objects >= 1000 ? Math.round(objects / 1000.0) + "k" : Integer.toString(objects);
    }

    String markdown() {
        return "### Figures\n\n" + table() + "\n\n### Cost growth\n\n" + growth()
                + "\n### Against the baselines\n\n" + baselines();
    }
}
