package dev.ferry.engine.rule.storage;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import java.util.List;

/** Every finding of a severity on one object (source or generated), across all rules of a run. */
final class StorageFindings {

    private StorageFindings() {
    }

    static List<Finding> of(Proposal proposal, String kind, String name) {
        return proposal.changes().stream()
                .filter(c -> c.resource().kind().equals(kind) && c.resource().name().equals(name))
                .flatMap(c -> c.findings().stream()).toList();
    }

    static List<String> messages(Proposal proposal, String kind, String name, Severity severity) {
        return of(proposal, kind, name).stream().filter(f -> f.severity() == severity).map(Finding::message).toList();
    }
}
