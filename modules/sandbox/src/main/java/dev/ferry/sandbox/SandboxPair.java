package dev.ferry.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A source and a target sandbox side by side, as {@code ferry sandbox} and the app's "Demo estate" start them: the
 * source preloaded with an estate (the {@link DemoEstate} or nothing), the target holding no objects but, with the
 * demo estate, the CustomResourceDefinitions of the add-ons a prepared EKS target runs ({@link TargetAddOns}), and a
 * kubeconfig for each written to {@code DIR/source.kubeconfig} and {@code DIR/target.kubeconfig} with contexts
 * {@value #SOURCE_CONTEXT} and {@value #TARGET_CONTEXT}. Both are simulated API servers on loopback, not clusters.
 */
public final class SandboxPair implements AutoCloseable {

    /** What the source sandbox holds when it starts. */
    public enum Estate {
        /** The {@link DemoEstate}: an AKS web shop. */
        DEMO,
        /** Nothing but the system namespaces. */
        NONE
    }

    public static final String SOURCE_CONTEXT = "ferry-sandbox-source";
    public static final String TARGET_CONTEXT = "ferry-sandbox-target";
    public static final String SOURCE_KUBECONFIG = "source.kubeconfig";
    public static final String TARGET_KUBECONFIG = "target.kubeconfig";

    private final SandboxServer source;
    private final SandboxServer target;
    private final Path sourceKubeconfig;
    private final Path targetKubeconfig;

    private SandboxPair(SandboxServer source, SandboxServer target, Path sourceKubeconfig, Path targetKubeconfig) {
        this.source = source;
        this.target = target;
        this.sourceKubeconfig = sourceKubeconfig;
        this.targetKubeconfig = targetKubeconfig;
    }

    /**
     * Starts the pair with the default readiness delay.
     *
     * @param dir      where the two kubeconfigs are written (created when missing)
     * @param portBase the source listens on this port and the target on the next; 0 for any two free ports
     * @throws SandboxException when a port cannot be bound or a kubeconfig cannot be written; nothing is left running
     */
    public static SandboxPair start(Path dir, Estate estate, int portBase) throws SandboxException {
        return start(dir, estate, portBase, SandboxOptions.DEFAULT_READINESS_DELAY);
    }

    /** Starts the pair with this readiness delay (tests use 50–100 ms). */
    public static SandboxPair start(Path dir, Estate estate, int portBase, Duration readinessDelay)
            throws SandboxException {
        if (portBase < 0 || portBase > 65534) {
            throw new SandboxException("Cannot start the sandboxes on port " + portBase
                    + ": choose a port base between 1 and 65534 (the target takes the next port), or 0 for any.");
        }
        SandboxServer source = SandboxServer.start(new SandboxOptions(portBase, SOURCE_CONTEXT, readinessDelay));
        SandboxServer target = null;
        try {
            target = SandboxServer.start(new SandboxOptions(portBase == 0 ? 0 : portBase + 1, TARGET_CONTEXT,
                    readinessDelay));
            if (estate == Estate.DEMO) {
                source.load(DemoEstate.objects());
                target.load(TargetAddOns.eks());
            }
            Path sourceFile = write(source, dir.resolve(SOURCE_KUBECONFIG), SOURCE_CONTEXT);
            Path targetFile = write(target, dir.resolve(TARGET_KUBECONFIG), TARGET_CONTEXT);
            return new SandboxPair(source, target, sourceFile, targetFile);
        } catch (SandboxException | RuntimeException e) {
            source.close();
            if (target != null) {
                target.close();
            }
            throw e;
        }
    }

    private static Path write(SandboxServer server, Path file, String context) throws SandboxException {
        try {
            return server.writeKubeconfig(file, context);
        } catch (IOException e) {
            throw new SandboxException("Cannot write the kubeconfig " + file + ": " + e.getMessage()
                    + ". Choose a directory you can write to.", e);
        }
    }

    public SandboxServer source() {
        return source;
    }

    public SandboxServer target() {
        return target;
    }

    public Path sourceKubeconfig() {
        return sourceKubeconfig;
    }

    public Path targetKubeconfig() {
        return targetKubeconfig;
    }

    /** Stops both servers; the kubeconfig files stay. */
    @Override
    public void close() {
        try {
            target.close();
        } finally {
            source.close();
        }
    }
}
