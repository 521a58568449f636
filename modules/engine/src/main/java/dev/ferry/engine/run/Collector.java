package dev.ferry.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what one rule records, and turns it into tagged changes and artifacts. */
final class Collector implements RuleOutput {

    private final RuleInfo rule;
    private final Map<ResourceKey, Draft> drafts = new LinkedHashMap<>();
    private final List<Change> generatedAndDropped = new ArrayList<>();
    private final List<Artifact> artifacts = new ArrayList<>();

    Collector(RuleInfo rule) {
        this.rule = rule;
    }

    @Override
    public ChangeBuilder change(KubeObject source) {
        return drafts.computeIfAbsent(source.key(), Draft::new);
    }

    @Override
    public void generate(ObjectNode object, String summary, String rationale, Finding... findings) {
        KubeObject generated = KubeObject.of(object.deepCopy());
        generatedAndDropped.add(new Change(ChangeIds.of(rule.edge(), rule.id(), generated.key()), rule.edge(),
                rule.id(), generated.key(), ChangeType.GENERATE, summary, rationale, List.of(), generated.body(),
                Arrays.asList(findings)));
    }

    @Override
    public void drop(KubeObject source, String summary, String rationale, Finding... findings) {
        generatedAndDropped.add(new Change(ChangeIds.of(rule.edge(), rule.id(), source.key()), rule.edge(),
                rule.id(), source.key(), ChangeType.DROP, summary, rationale, List.of(), null,
                Arrays.asList(findings)));
    }

    @Override
    public void artifact(String path, String content, String description) {
        artifacts.add(new Artifact(path, content, description, rule.edge(), rule.id()));
    }

    /** Discards whatever the rule recorded for one object, when it failed half-way through it. */
    void discard(ResourceKey resource) {
        drafts.remove(resource);
        generatedAndDropped.removeIf(c -> c.resource().equals(resource) && c.type() == ChangeType.DROP);
    }

    List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (!draft.ops.isEmpty() || !draft.findings.isEmpty()) {
                changes.add(draft.toChange());
            }
        }
        changes.addAll(generatedAndDropped);
        return changes;
    }

    List<Artifact> artifacts() {
        return artifacts;
    }

    private final class Draft implements ChangeBuilder {
        private final ResourceKey resource;
        private final List<PatchOp> ops = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private String summary = "";
        private String rationale = "";

        Draft(ResourceKey resource) {
            this.resource = resource;
        }

        @Override
        public ResourceKey resource() {
            return resource;
        }

        @Override
        public ChangeBuilder summary(String text) {
            summary = text;
            return this;
        }

        @Override
        public ChangeBuilder rationale(String text) {
            rationale = text;
            return this;
        }

        @Override
        public ChangeBuilder add(String path, JsonNode value) {
            return op(PatchOp.add(path, value));
        }

        @Override
        public ChangeBuilder add(String path, String value) {
            return op(PatchOp.add(path, value));
        }

        @Override
        public ChangeBuilder replace(String path, JsonNode value) {
            return op(PatchOp.replace(path, value));
        }

        @Override
        public ChangeBuilder replace(String path, String value) {
            return op(PatchOp.replace(path, value));
        }

        @Override
        public ChangeBuilder remove(String path) {
            return op(PatchOp.remove(path));
        }

        private ChangeBuilder op(PatchOp op) {
            ops.add(op);
            return this;
        }

        @Override
        public ChangeBuilder finding(Finding finding) {
            if (!findings.contains(finding)) {
                findings.add(finding);
            }
            return this;
        }

        Change toChange() {
            String text = summary.isEmpty() ? rule.displayName() : summary;
            String why = rationale.isEmpty() ? rule.description() : rationale;
            return new Change(ChangeIds.of(rule.edge(), rule.id(), resource), rule.edge(), rule.id(), resource,
                    ChangeType.PATCH, text, why, ops, null, findings);
        }
    }
}
