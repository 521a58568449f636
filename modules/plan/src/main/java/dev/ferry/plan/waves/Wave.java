package dev.ferry.plan.waves;

import dev.ferry.model.ResourceKey;
import java.util.List;
import java.util.Objects;

/**
 * One wave of a plan: applied (and rolled back) as a unit.
 *
 * @param number  its position in the plan, from 0
 * @param name    for people: {@code platform}, {@code namespace storefront}, {@code stateful data/postgres}
 * @param kind    what the planner made it for
 * @param members the objects it applies, in apply order ({@link ApplyOrder})
 */
public record Wave(int number, String name, WaveKind kind, List<ResourceKey> members) {

    public Wave {
        if (number < 0) {
            throw new IllegalArgumentException("wave number must not be negative: " + number);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        members = members.stream().sorted(ApplyOrder.KEYS).toList();
    }

    /** {@code Wave 2 (namespace checkout)}: how messages name a wave. */
    public String label() {
        return "Wave " + number + " (" + name + ")";
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    Wave withNumber(int newNumber) {
        return new Wave(newNumber, name, kind, members);
    }

    Wave withMembers(List<ResourceKey> newMembers) {
        return new Wave(number, name, kind, newMembers);
    }
}
