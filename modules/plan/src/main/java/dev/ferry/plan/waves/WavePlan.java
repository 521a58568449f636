package dev.ferry.plan.waves;

import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.ObjectNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The estate cut into waves, numbered from 0 without gaps, each object in at most one wave. Immutable: editing
 * operations return a new plan. Arguments that break the rules (an unknown wave, an object not in the plan) throw
 * {@link IllegalArgumentException} with a message for the user; callers check before offering the edit.
 */
public final class WavePlan {

    private final List<Wave> waves;
    private final Map<ResourceKey, Integer> waveOfKey;

    public WavePlan(List<Wave> waves) {
        this.waves = List.copyOf(waves);
        Map<ResourceKey, Integer> index = new HashMap<>();
        for (int i = 0; i < this.waves.size(); i++) {
            Wave wave = this.waves.get(i);
            if (wave.number() != i) {
                throw new IllegalArgumentException("wave " + wave.number() + " (" + wave.name() + ") is at position "
                        + i + "; waves are numbered from 0 without gaps");
            }
            for (ResourceKey key : wave.members()) {
                Integer before = index.put(key, i);
                if (before != null) {
                    throw new IllegalArgumentException(ObjectNames.describe(key) + " is in wave " + before
                            + " and wave " + i + "; an object belongs to one wave");
                }
            }
        }
        this.waveOfKey = Collections.unmodifiableMap(index);
    }

    public List<Wave> waves() {
        return waves;
    }

    public int size() {
        return waves.size();
    }

    public Optional<Wave> wave(int number) {
        return number >= 0 && number < waves.size() ? Optional.of(waves.get(number)) : Optional.empty();
    }

    /** The number of the wave that applies the object, if any wave does. */
    public OptionalInt waveOf(ResourceKey key) {
        Integer number = waveOfKey.get(key);
        return number == null ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /** Every object of the plan, by wave then apply order. */
    public List<ResourceKey> members() {
        return waves.stream().flatMap(w -> w.members().stream()).toList();
    }

    /**
     * Moves objects to a wave. {@code toWave} is an existing wave or the next number, which creates a custom wave
     * named {@code wave N}. Waves left empty stay until removed ({@link #removeEmptyWave(int)}).
     */
    public WavePlan move(Set<ResourceKey> keys, int toWave) {
        if (toWave < 0 || toWave > waves.size()) {
            throw new IllegalArgumentException("there is no wave " + toWave + "; move to a wave from 0 to "
                    + waves.size() + " (" + waves.size() + " creates a new wave)");
        }
        for (ResourceKey key : keys) {
            if (!waveOfKey.containsKey(key)) {
                throw new IllegalArgumentException(ObjectNames.describe(key) + " is not in the plan");
            }
        }
        List<Wave> result = new ArrayList<>();
        for (Wave wave : waves) {
            List<ResourceKey> kept = new ArrayList<>(wave.members().stream().filter(k -> !keys.contains(k)).toList());
            if (wave.number() == toWave) {
                kept.addAll(keys);
            }
            result.add(wave.withMembers(kept));
        }
        if (toWave == waves.size()) {
            result.add(new Wave(toWave, "wave " + toWave, WaveKind.CUSTOM, List.copyOf(keys)));
        }
        return new WavePlan(result);
    }

    /** Gives a wave a new name (trimmed, not blank). */
    public WavePlan rename(int number, String name) {
        Wave wave = existing(number);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a wave needs a name; wave " + number + " is `" + wave.name() + "`");
        }
        List<Wave> result = new ArrayList<>(waves);
        result.set(number, new Wave(number, name.strip(), wave.kind(), wave.members()));
        return new WavePlan(result);
    }

    /** Removes an empty wave other than the platform wave; later waves move up by one. */
    public WavePlan removeEmptyWave(int number) {
        Wave wave = existing(number);
        if (wave.kind() == WaveKind.PLATFORM) {
            throw new IllegalArgumentException(wave.label() + " is the platform wave and stays in the plan");
        }
        if (!wave.isEmpty()) {
            throw new IllegalArgumentException(wave.label() + " still holds " + wave.members().size()
                    + " objects; move them to other waves first");
        }
        List<Wave> result = new ArrayList<>();
        for (Wave other : waves) {
            if (other.number() != number) {
                result.add(other.withNumber(result.size()));
            }
        }
        return new WavePlan(result);
    }

    /** Removes every empty wave other than the platform wave, renumbering the rest. */
    public WavePlan withoutEmptyWaves() {
        List<Wave> result = new ArrayList<>();
        for (Wave wave : waves) {
            if (!wave.isEmpty() || wave.kind() == WaveKind.PLATFORM) {
                result.add(wave.withNumber(result.size()));
            }
        }
        return new WavePlan(result);
    }

    private Wave existing(int number) {
        return wave(number).orElseThrow(() -> new IllegalArgumentException("there is no wave " + number
                + "; the plan has waves 0 to " + (waves.size() - 1)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WavePlan that && waves.equals(that.waves);
    }

    @Override
    public int hashCode() {
        return Objects.hash(waves);
    }

    @Override
    public String toString() {
        return "WavePlan" + waves;
    }
}
