package dev.ferry.testkit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a generated estate to a folder: {@code GenerateEstate OBJECTS SEED OUT_DIR}. Used by the benchmarks; has no
 * output of its own (the module may not print), the exit code tells success.
 */
public final class GenerateEstate {

    private GenerateEstate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateEstate OBJECTS SEED OUT_DIR");
        }
        new EstateGenerator(Long.parseLong(args[1])).writeFiles(Path.of(args[2]), Integer.parseInt(args[0]));
    }
}
