package dev.ferry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every stage the runner knows, in the order of the table. */
final class Stages {

    private Stages() {
    }

    static List<Stage> all() {
        List<Stage> all = new ArrayList<>(EngineStages.all());
        all.add(new KustomizeStage());
        all.addAll(ClusterStages.all());
        return List.copyOf(all);
    }

    static List<String> ids() {
        return all().stream().map(Stage::id).toList();
    }

    static Optional<Stage> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
