package dev.ferry.testkit;

import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The floor for {@code ferry propose}: read the same files with the same YAML library and write every object back,
 * one file each, twice (as the bundle writes source and proposed), with no rules, sanitizing or digests.
 * {@code ParseWriteBaseline INPUT_DIR OUT_DIR}.
 */
public final class ParseWriteBaseline {

    private ParseWriteBaseline() {
    }

    public static void main(String[] args) throws IOException {
        ManifestSet set = new ManifestReader().read(List.of(Path.of(args[0])));
        Path out = Path.of(args[1]);
        for (String copy : List.of("a", "b")) {
            int i = 0;
            for (KubeObject object : set.objects()) {
                Path file = out.resolve(copy).resolve(object.namespace().isEmpty() ? "_cluster" : object.namespace())
                        .resolve(object.kind().toLowerCase() + "." + object.name() + "." + i++ + ".yaml");
                Files.createDirectories(file.getParent());
                Files.write(file, Yaml.write(object.body()).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
