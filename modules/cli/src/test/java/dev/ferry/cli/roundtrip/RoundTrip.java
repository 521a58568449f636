package dev.ferry.cli.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.propose.ProposeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One estate proposed one way and its proposal proposed back: the original sanitized source, the proposal and the
 * objects that came back, with every place where the last differ from the first.
 */
final class RoundTrip {

    /** One difference: a resource and a JSON pointer in it, or {@code (lost)} / {@code (gained)} for a whole object. */
    record Difference(String resource, String path, String detail) {
        @Override
        public String toString() {
            return resource + " " + path + ": " + detail;
        }
    }

    final Proposal there;
    final Proposal back;
    final Map<ResourceKey, KubeObject> original = new LinkedHashMap<>();
    final Map<ResourceKey, KubeObject> returned = new LinkedHashMap<>();

    private RoundTrip(Proposal there, Proposal back) {
        this.there = there;
        this.back = back;
        there.source().forEach(o -> original.put(o.key(), o));
        back.proposed().forEach(o -> returned.put(o.key(), o));
    }

    static RoundTrip run(ManifestSet estate, MigrationSettings forth, MigrationSettings backSettings) {
        ProposeService service = new ProposeService();
        Proposal there = service.propose(estate, forth);
        StringBuilder yaml = new StringBuilder();
        for (KubeObject object : there.proposed()) {
            yaml.append("---\n").append(Yaml.write(object.body()));
        }
        ManifestSet proposed = new ManifestReader().readText("proposed.yaml", yaml.toString());
        if (!proposed.problems().isEmpty()) {
            throw new AssertionError("the proposed objects do not parse: " + proposed.problems());
        }
        return new RoundTrip(there, service.propose(proposed, backSettings));
    }

    /** Every difference between the original source and what came back, whole objects first, then fields. */
    List<Difference> differences() {
        List<Difference> differences = new ArrayList<>();
        for (ResourceKey key : original.keySet()) {
            if (!returned.containsKey(key)) {
                differences.add(new Difference(key.toString(), "(lost)", "not proposed back"));
            }
        }
        for (ResourceKey key : returned.keySet()) {
            if (!original.containsKey(key)) {
                differences.add(new Difference(key.toString(), "(gained)", "not in the original"));
            }
        }
        for (Map.Entry<ResourceKey, KubeObject> entry : original.entrySet()) {
            KubeObject back = returned.get(entry.getKey());
            if (back != null) {
                compare(entry.getKey().toString(), "", entry.getValue().body(), back.body(), differences);
            }
        }
        return differences;
    }

    /** Original objects carried unchanged to the target, in their written form, and how they came back. */
    Map<String, String[]> portableTexts() {
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (Map.Entry<ResourceKey, KubeObject> entry : original.entrySet()) {
            if (there.isPortable(entry.getKey())) {
                KubeObject back = returned.get(entry.getKey());
                texts.put(entry.getKey().toString(), new String[] {Yaml.write(entry.getValue().body()),
                        back == null ? "" : Yaml.write(back.body())});
            }
        }
        return texts;
    }

    private static void compare(String resource, String path, JsonNode before, JsonNode after,
                                List<Difference> differences) {
        if (before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!after.has(name)) {
                    differences.add(new Difference(resource, child, "removed " + brief(before.get(name))));
                } else if (!before.has(name)) {
                    differences.add(new Difference(resource, child, "added " + brief(after.get(name))));
                } else {
                    compare(resource, child, before.get(name), after.get(name), differences);
                }
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                compare(resource, path + "/" + i, before.get(i), after.get(i), differences);
            }
        } else if (!before.equals(after)) {
            differences.add(new Difference(resource, path, brief(before) + " → " + brief(after)));
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
