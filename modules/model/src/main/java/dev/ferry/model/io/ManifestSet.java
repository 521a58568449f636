package dev.ferry.model.io;

import dev.ferry.model.KubeObject;
import java.util.List;

/** What reading a set of inputs produced: the objects, in input order, and every document that could not be read. */
public record ManifestSet(List<KubeObject> objects, List<ManifestProblem> problems, int files) {

    public ManifestSet {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }
}
