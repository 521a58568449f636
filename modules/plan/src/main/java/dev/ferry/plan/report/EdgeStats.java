package dev.ferry.plan.report;

import dev.ferry.engine.Change;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts per edge for summaries: changes, objects changed, generated, dropped, and findings by severity.
 *
 * @param changes        changes of the edge (advisories included)
 * @param objects        distinct source objects the edge patches
 * @param generated      objects it generates
 * @param dropped        objects it leaves behind
 * @param actionRequired action-required findings
 * @param warnings       warnings
 */
public record EdgeStats(int changes, int objects, int generated, int dropped, int actionRequired, int warnings) {

    public static Map<Edge, EdgeStats> of(Proposal proposal) {
        Map<Edge, EdgeStats> stats = new EnumMap<>(Edge.class);
        for (Edge edge : Edge.values()) {
            List<Change> changes = proposal.changes(edge);
            if (changes.isEmpty()) {
                continue;
            }
            Set<Object> objects = new HashSet<>();
            int generated = 0;
            int dropped = 0;
            int action = 0;
            int warnings = 0;
            for (Change change : changes) {
                switch (change.type()) {
                    case GENERATE -> generated++;
                    case DROP -> dropped++;
                    case PATCH -> {
                        if (!change.patch().isEmpty()) {
                            objects.add(change.resource());
                        }
                    }
                }
                for (Finding finding : change.findings()) {
                    if (finding.severity() == Severity.ACTION_REQUIRED) {
                        action++;
                    } else if (finding.severity() == Severity.WARNING) {
                        warnings++;
                    }
                }
            }
            stats.put(edge, new EdgeStats(changes.size(), objects.size(), generated, dropped, action, warnings));
        }
        return stats;
    }
}
