package dev.ferry.plan.refs;

import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import java.util.List;

/** Test objects from YAML text. */
public final class Objects {

    private Objects() {
    }

    public static List<KubeObject> parse(String yaml) {
        ManifestSet set = new ManifestReader().readText("test.yaml", yaml);
        if (!set.problems().isEmpty()) {
            throw new IllegalArgumentException("bad test YAML: " + set.problems());
        }
        return set.objects();
    }

    public static KubeObject one(String yaml) {
        List<KubeObject> objects = parse(yaml);
        if (objects.size() != 1) {
            throw new IllegalArgumentException("expected one object, got " + objects.size());
        }
        return objects.get(0);
    }
}
