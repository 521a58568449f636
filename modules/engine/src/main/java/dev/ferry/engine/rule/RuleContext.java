package dev.ferry.engine.rule;

import dev.ferry.engine.settings.MigrationSettings;

/** What a rule may read: the whole sanitized estate and the migration settings. */
public record RuleContext(EstateView estate, MigrationSettings settings) {
}
