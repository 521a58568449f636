package dev.ferry.engine.rule;

import dev.ferry.engine.settings.MigrationSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a rule may read: the whole sanitized estate and the migration settings, plus a per-run memo so rules that
 * need an estate-wide index (which claims use a class, which workloads mount a Secret) build it once per run instead
 * of once per visited object. Rules stay stateless; the memo lives and dies with the run.
 */
public final class RuleContext {

    private final EstateView estate;
    private final MigrationSettings settings;
    private final Map<Object, Object> memo = new ConcurrentHashMap<>();

    public RuleContext(EstateView estate, MigrationSettings settings) {
        this.estate = estate;
        this.settings = settings;
    }

    public EstateView estate() {
        return estate;
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** The value for {@code key}, built by {@code builder} on first use in this run. */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Function<RuleContext, T> builder) {
        Object value = memo.get(key);
        if (value == null) {
            value = builder.apply(this);
            memo.put(key, value);
        }
        return (T) value;
    }
}
