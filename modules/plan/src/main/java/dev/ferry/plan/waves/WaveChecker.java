package dev.ferry.plan.waves;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.BuiltInTargets;
import dev.ferry.plan.refs.ObjectNames;
import dev.ferry.plan.refs.ProvidedSecrets;
import dev.ferry.plan.refs.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds what blocks each wave of a plan: an object that uses something a later wave applies (both ends and both
 * waves named), something no wave applies and the target cluster does not have, a change still to be decided, or an
 * unresolved {@code action-required} finding. References that Kubernetes resolves late (RBAC subjects, an HPA's
 * target) never block; optional ones block only when they point at a later wave. Linear in the estate's size.
 */
public final class WaveChecker {

    private final BuiltInTargets builtIns;

    public WaveChecker(BuiltInTargets builtIns) {
        this.builtIns = builtIns;
    }

    /**
     * Every blocker of the plan, by wave, then by object in apply order.
     *
     * @param pendingChanges per object, the ids of its changes that are pending or changed since decided
     * @param actionRequired per object, the messages of its unresolved {@code action-required} findings
     */
    public List<WaveBlocker> check(WavePlan plan, Collection<KubeObject> proposed,
                                   Map<ResourceKey, List<String>> pendingChanges,
                                   Map<ResourceKey, List<String>> actionRequired) {
        EstateGraph graph = new EstateGraph(proposed);
        Map<ResourceKey, ResourceKey> provided = ProvidedSecrets.of(proposed);
        List<WaveBlocker> blockers = new ArrayList<>();
        for (Wave wave : plan.waves()) {
            for (ResourceKey member : wave.members()) {
                if (graph.contains(member)) {
                    for (Reference reference : graph.references(member)) {
                        // a Secret a controller creates exists once the object that provides it does
                        Reference resolved = graph.contains(reference.to()) || !provided.containsKey(reference.to())
                                ? reference : new Reference(reference.from(), reference.path(),
                                provided.get(reference.to()), reference.need());
                        reference(plan, graph, wave, resolved).ifPresent(blockers::add);
                    }
                }
                List<String> pending = pendingChanges.getOrDefault(member, List.of());
                if (!pending.isEmpty()) {
                    blockers.add(new WaveBlocker(wave.number(), BlockerKind.PENDING_CHANGE, member,
                            Optional.empty(), "", wave.label() + ": " + ObjectNames.describe(member) + " has "
                            + (pending.size() == 1 ? "a change" : pending.size() + " changes")
                            + " not decided yet (" + String.join(", ", pending) + "). Approve or reject "
                            + (pending.size() == 1 ? "it" : "them") + " before applying the wave."));
                }
                for (String finding : actionRequired.getOrDefault(member, List.of())) {
                    blockers.add(new WaveBlocker(wave.number(), BlockerKind.ACTION_REQUIRED, member,
                            Optional.empty(), "", wave.label() + ": " + ObjectNames.describe(member)
                            + " needs action: " + finding + " Resolve it before applying the wave."));
                }
            }
        }
        return List.copyOf(blockers);
    }

    private Optional<WaveBlocker> reference(WavePlan plan, EstateGraph graph, Wave wave, Reference reference) {
        if (!reference.ordersApply()) {
            return Optional.empty();
        }
        ResourceKey to = reference.to();
        String uses = wave.label() + ": " + ObjectNames.describe(reference.from()) + " uses "
                + ObjectNames.describe(to) + " (" + reference.path() + "), which ";
        OptionalInt targetWave = plan.waveOf(to);
        if (targetWave.isPresent()) {
            int later = targetWave.getAsInt();
            if (later <= wave.number()) {
                return Optional.empty();
            }
            Wave other = plan.waves().get(later);
            return Optional.of(new WaveBlocker(wave.number(), BlockerKind.LATER_WAVE_REFERENCE, reference.from(),
                    Optional.of(to), reference.path(), uses + "is applied in wave " + later + " (" + other.name()
                    + "). Move it to wave " + wave.number() + " or earlier, or move the " + reference.from().kind()
                    + " later."));
        }
        if (builtIns.exists(to) || reference.need() != Reference.Need.REQUIRED) {
            return Optional.empty();
        }
        String why = graph.contains(to)
                ? "is in the proposed estate but in no wave. Add it to wave " + wave.number() + " or earlier."
                : "no wave applies and the target cluster does not have. Add it to the estate or change the reference.";
        return Optional.of(new WaveBlocker(wave.number(), BlockerKind.UNRESOLVED_REFERENCE, reference.from(),
                Optional.of(to), reference.path(), uses + why));
    }
}
