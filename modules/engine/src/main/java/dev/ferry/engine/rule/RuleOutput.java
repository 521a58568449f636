package dev.ferry.engine.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Finding;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;

/**
 * Where a rule records what it proposes. Everything recorded is tagged with the rule's id and edge by the runner.
 */
public interface RuleOutput {

    /**
     * The change this rule proposes for a source object. Calling it again for the same object returns the same
     * builder, so a rule makes at most one change per resource. A builder left without operations and findings
     * proposes nothing.
     */
    ChangeBuilder change(KubeObject source);

    /** A new object that will exist only on the target. */
    void generate(ObjectNode object, String summary, String rationale, Finding... findings);

    /** The source object is not carried to the target. */
    void drop(KubeObject source, String summary, String rationale, Finding... findings);

    /** A non-Kubernetes file under the bundle's {@code artifacts/}. */
    void artifact(String path, String content, String description);

    /** Marks work the rule could not do for a resource without stopping the run. */
    default void finding(KubeObject source, Finding finding) {
        change(source).finding(finding);
    }

    /** Key of the resource a builder belongs to; exposed for rules that build pointers relative to it. */
    interface ChangeBuilder {
        ResourceKey resource();

        ChangeBuilder summary(String summary);

        ChangeBuilder rationale(String rationale);

        /** RFC 6902 add (creates missing parent objects; replaces an existing member). */
        ChangeBuilder add(String path, com.fasterxml.jackson.databind.JsonNode value);

        ChangeBuilder add(String path, String value);

        ChangeBuilder replace(String path, com.fasterxml.jackson.databind.JsonNode value);

        ChangeBuilder replace(String path, String value);

        ChangeBuilder remove(String path);

        ChangeBuilder finding(Finding finding);
    }
}
