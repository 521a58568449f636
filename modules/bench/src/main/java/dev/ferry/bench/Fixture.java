package dev.ferry.bench;

import dev.ferry.engine.Direction;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.FileTrees;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.settings.SettingsException;
import dev.ferry.plan.settings.SettingsFile;
import dev.ferry.testkit.EstateGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One generated estate and what stages need from it, built lazily: the estate's files (generated once per size and
 * seed and kept in the work folder across JVMs), the settings, a proposal and a bundle on disk.
 */
final class Fixture {

    private final int requested;
    private final long seed;
    private final Path work;
    private final Path settingsFile;
    private Path estate;
    private int objects;
    private Path bundle;

    /**
     * @param requested    about how many objects the estate holds
     * @param seed         the generator's seed
     * @param work         a folder for estates, bundles and scratch output
     * @param settingsFile migration settings, or null for the defaults {@code ferry propose} uses without any
     */
    Fixture(int requested, long seed, Path work, Path settingsFile) {
        this.requested = requested;
        this.seed = seed;
        this.work = work;
        this.settingsFile = settingsFile;
    }

    int requested() {
        return requested;
    }

    Path work() {
        return work;
    }

    /** The estate's folder (one YAML file per namespace), generated on first use. */
    synchronized Path estate() throws IOException {
        if (estate == null) {
            Path dir = work.resolve("estate-" + requested + "-seed" + seed);
            Path count = work.resolve("estate-" + requested + "-seed" + seed + ".count");
            if (Files.isDirectory(dir) && Files.isRegularFile(count)) {
                objects = Integer.parseInt(Files.readString(count, StandardCharsets.UTF_8).trim());
            } else {
                FileTrees.delete(dir);
                objects = new EstateGenerator(seed).writeFiles(dir, requested);
                Files.writeString(count, Integer.toString(objects), StandardCharsets.UTF_8);
            }
            estate = dir;
        }
        return estate;
    }

    /** How many objects the generated estate holds. */
    synchronized int objects() throws IOException {
        estate();
        return objects;
    }

    MigrationSettings settings() throws SettingsException {
        return settingsFile == null ? MigrationSettings.empty(Direction.AKS_TO_EKS)
                : SettingsFile.read(settingsFile).settings();
    }

    ManifestSet read() throws IOException {
        return new ManifestReader().read(List.of(estate()));
    }

    Proposal propose() throws IOException, SettingsException {
        return new ProposeService().propose(read(), settings());
    }

    static BundleContent content(Proposal proposal, MigrationSettings settings) {
        return new BundleContent(proposal, settings, "bench estate", List.of(), "bench", Instant.EPOCH);
    }

    /**
     * A bundle proposed from the estate, written once per work folder (a marker file says it is complete), so the
     * stages that read it do not each propose a 50k estate first. Benchmarks must not edit it.
     */
    synchronized Path bundle() throws IOException, SettingsException, BundleException {
        if (bundle == null) {
            String name = "bundle-" + requested + "-seed" + seed + (settingsFile == null ? "" : "-settings");
            Path dir = work.resolve(name);
            Path done = work.resolve(name + ".done");
            if (!Files.isRegularFile(done)) {
                FileTrees.delete(dir);
                new BundleWriter(new ProposeReport()).write(content(propose(), settings()), dir);
                Files.writeString(done, "", StandardCharsets.UTF_8);
            }
            bundle = dir;
        }
        return bundle;
    }

    /** A folder that does not exist yet under the work folder. */
    Path scratch(String name) throws IOException {
        Path dir = work.resolve("scratch-" + requested + "-" + name);
        FileTrees.delete(dir);
        return dir;
    }

    static void deleteQuietly(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
