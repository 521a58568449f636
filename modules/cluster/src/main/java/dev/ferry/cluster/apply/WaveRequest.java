package dev.ferry.cluster.apply;

import dev.ferry.model.KubeObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One wave to apply.
 *
 * @param wave             the wave number (names the journal file)
 * @param objects          the wave's objects in apply order (the caller orders them); Secrets as proposed (value
 *                         digests, no data)
 * @param journalDirectory the folder that holds {@code journal/} (the bundle folder)
 * @param secretValues     where the values of redacted Secrets come from
 * @param sourceServer     the API server URL of the source cluster, so the apply can refuse to write to it; null
 *                         when the source was not a cluster (manifest files)
 */
public record WaveRequest(int wave, List<KubeObject> objects, Path journalDirectory, SecretValues secretValues,
                          String sourceServer) {

    public WaveRequest {
        objects = List.copyOf(objects);
        Objects.requireNonNull(journalDirectory, "journalDirectory");
        secretValues = secretValues == null ? SecretValues.none() : secretValues;
    }
}
