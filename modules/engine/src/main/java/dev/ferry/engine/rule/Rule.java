package dev.ferry.engine.rule;

import dev.ferry.model.KubeObject;

/**
 * One concern of one edge in one direction: a small immutable class that only <em>describes</em> its changes.
 *
 * <p>The runner calls {@link #visit} once for every sanitized source object, then {@link #finish} once. A rule
 * records JSON Patch operations, generated objects, dropped objects, findings and artifacts in the
 * {@link RuleOutput}; it never writes files and never mutates its input. An exception thrown for one object
 * becomes a finding on that object and the run goes on.
 *
 * <p>Rules must be idempotent: run over their own output, they propose nothing more.
 */
public interface Rule {

    RuleInfo info();

    /** Looks at one source object. Most rules test the kind first and return at once. */
    default void visit(KubeObject object, RuleContext context, RuleOutput output) {
    }

    /** Runs after every object was visited: generated objects and artifacts that depend on the whole estate. */
    default void finish(RuleContext context, RuleOutput output) {
    }
}
