package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.sanitize.Exclusion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A bundle read from disk.
 *
 * @param root         the folder it was read from
 * @param manifest     {@code bundle.yaml}
 * @param settings     {@code settings.yaml}
 * @param source       the sanitized source objects
 * @param proposed     the proposed target objects
 * @param changes      every change, in rule order
 * @param excluded     objects left out and why
 * @param artifacts    artifact path (under {@code artifacts/}) → text
 * @param verification which files differ from the digests recorded when the bundle was written
 */
public record Bundle(Path root, JsonNode manifest, MigrationSettings settings, List<KubeObject> source,
                     List<KubeObject> proposed, List<Change> changes, List<Exclusion> excluded,
                     Map<String, String> artifacts, Verification verification) {

    /** The live cluster the source objects were read from, when {@code bundle.yaml} records one. */
    public java.util.Optional<ClusterOrigin> sourceCluster() {
        return ClusterOrigin.fromManifest(manifest);
    }

    /** Files changed, missing or added since the bundle was written. All empty means the bundle is intact. */
    public record Verification(List<String> changed, List<String> missing, List<String> added) {
        public boolean intact() {
            return changed.isEmpty() && missing.isEmpty() && added.isEmpty();
        }

        @Override
        public String toString() {
            if (intact()) {
                return "every file matches its recorded digest";
            }
            StringBuilder text = new StringBuilder();
            append(text, "changed since written", changed);
            append(text, "missing", missing);
            append(text, "not written by Ferry", added);
            return text.toString();
        }

        private static void append(StringBuilder text, String label, List<String> files) {
            if (!files.isEmpty()) {
                text.append(text.length() == 0 ? "" : "; ").append(label).append(": ")
                        .append(String.join(", ", files.subList(0, Math.min(files.size(), 10))))
                        .append(files.size() > 10 ? " and " + (files.size() - 10) + " more" : "");
            }
        }
    }
}
