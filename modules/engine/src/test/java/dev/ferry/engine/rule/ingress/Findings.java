package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import java.util.List;

/** Test shortcuts for the findings a rule attached to one object. */
final class Findings {

    private Findings() {
    }

    static List<Finding> of(Proposal proposal, String kind, String name) {
        return RuleHarness.changeFor(proposal, kind, name).findings();
    }

    static List<String> messages(Proposal proposal, String kind, String name, Severity severity) {
        return of(proposal, kind, name).stream().filter(f -> f.severity() == severity).map(Finding::message).toList();
    }
}
