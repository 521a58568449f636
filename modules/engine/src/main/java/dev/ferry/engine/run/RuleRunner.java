package dev.ferry.engine.run;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.sanitize.SanitizedEstate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a rule set over a sanitized estate in the declared order and merges what the rules propose. One rule failing
 * on one object becomes an action-required finding on that object; the run always completes.
 */
public final class RuleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);

    private final List<Rule> rules;
    private final Composer composer = new Composer();

    public RuleRunner(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Proposal run(SanitizedEstate estate, MigrationSettings settings) {
        EstateView view = new EstateView(estate.objects(), estate.nodes());
        RuleContext context = new RuleContext(view, settings);
        List<Change> changes = new ArrayList<>();
        Map<String, Artifact> artifacts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        // Rules are stateless and only read the estate, so they run in parallel; their results are merged in the
        // declared order, which keeps the output (and who wins a conflict) independent of scheduling.
        List<Collector> collectors = rules.parallelStream().map(rule -> runOne(rule, view, context, problems)).toList();
        for (Collector collector : collectors) {
            for (Change change : collector.changes()) {
                if (!redundantGenerate(change, view)) {
                    changes.add(change);
                }
            }
            for (Artifact artifact : collector.artifacts()) {
                Artifact previous = artifacts.put(artifact.path(), artifact);
                if (previous != null && !previous.rule().equals(artifact.rule())) {
                    problems.add("Artifact " + artifact.path() + " was written by " + previous.rule() + " and "
                            + artifact.rule() + "; the later one is kept.");
                }
            }
        }
        changes = mergeDuplicates(changes);
        Composer.Composition composition = composer.compose(view.objects(), changes, c -> true);
        problems.addAll(composition.problems());
        return new Proposal(view.objects(), composition.proposed(), changes, composition.conflicts(),
                List.copyOf(artifacts.values()), estate.excluded(), estate.duplicates(), problems);
    }

    private static Collector runOne(Rule rule, EstateView view, RuleContext context, List<String> problems) {
        Collector collector = new Collector(rule.info());
        for (KubeObject object : view.objects()) {
            try {
                rule.visit(object, context, collector);
            } catch (RuntimeException e) {
                LOG.warn("rule {} failed on {}", rule.info().id(), object.key(), e);
                collector.discard(object.key());
                collector.finding(object, Finding.actionRequired("Rule `" + rule.info().id()
                        + "` failed on this object (" + describe(e) + "); its changes are missing here, so review "
                        + "the object by hand."));
            }
        }
        try {
            rule.finish(context, collector);
        } catch (RuntimeException e) {
            LOG.warn("rule {} failed to finish", rule.info().id(), e);
            synchronized (problems) {
                problems.add("Rule `" + rule.info().id() + "` failed after visiting the estate (" + describe(e)
                        + "); its generated objects and artifacts are missing.");
            }
        }
        return collector;
    }

    /** A generated object that the estate already holds, identically, needs no change (and keeps runs idempotent). */
    private static boolean redundantGenerate(Change change, EstateView view) {
        if (change.type() != ChangeType.GENERATE) {
            return false;
        }
        return view.find(change.resource()).map(existing -> existing.body().equals(change.generated())).orElse(false);
    }

    /** Two rules generating the same object identically produce one change (the first rule's). */
    private static List<Change> mergeDuplicates(List<Change> changes) {
        Map<String, Change> byId = new LinkedHashMap<>();
        List<Change> merged = new ArrayList<>();
        Map<ResourceKey, Change> generatedByKey = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.type() == ChangeType.GENERATE) {
                Change earlier = generatedByKey.putIfAbsent(change.resource(), change);
                if (earlier != null && earlier.generated().equals(change.generated())) {
                    continue;
                }
            }
            if (byId.putIfAbsent(change.id(), change) == null) {
                merged.add(change);
            }
        }
        return merged;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
