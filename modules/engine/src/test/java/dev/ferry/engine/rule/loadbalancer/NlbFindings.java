package dev.ferry.engine.rule.loadbalancer;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import java.util.List;

/** Every finding of a severity on one object, across all rules of a run. */
final class NlbFindings {

    private NlbFindings() {
    }

    static List<String> messages(Proposal proposal, String kind, String name, Severity severity) {
        return proposal.changes().stream()
                .filter(c -> c.resource().kind().equals(kind) && c.resource().name().equals(name))
                .flatMap(c -> c.findings().stream())
                .filter(f -> f.severity() == severity).map(Finding::message).toList();
    }
}
