package dev.ferry.cli;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ReviewException;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.waves.Wave;
import dev.ferry.plan.waves.WavePlan;
import java.util.ArrayList;
import java.util.List;

/** A wave of an open bundle and its proposed objects in apply order. */
record WaveSelection(Wave wave, List<KubeObject> objects) {

    /** For apply and rollback, which write the wave's journal into the bundle folder. */
    static WaveSelection toWrite(ReviewSession session, int number) throws ReviewException {
        if (session.fromZip()) {
            throw new ReviewException(session.location() + " is a zip; apply and rollback write their journal into the "
                    + "bundle, so unpack it to a folder first (or merge its review into the original bundle).");
        }
        return of(session, number);
    }

    static WaveSelection of(ReviewSession session, int number) throws ReviewException {
        WavePlan plan = session.plan().orElseThrow(() -> new ReviewException(
                "The bundle has no waves yet; plan them with `ferry plan " + session.location() + " --auto`."));
        Wave wave = plan.wave(number).orElseThrow(() -> new ReviewException("There is no wave " + number
                + "; the plan has waves 0 to " + (plan.size() - 1) + " (`ferry plan BUNDLE` lists them)."));
        List<KubeObject> objects = new ArrayList<>();
        for (ResourceKey key : wave.members()) {
            session.proposed(key).ifPresent(objects::add);
        }
        return new WaveSelection(wave, objects);
    }
}
