package dev.ferry.cli;

import dev.ferry.sandbox.DemoEstate;
import dev.ferry.sandbox.SandboxException;
import dev.ferry.sandbox.SandboxPair;
import dev.ferry.sandbox.SandboxServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry sandbox}: starts two simulated Kubernetes API servers on loopback (a source preloaded with the demo
 * AKS estate and an empty target), writes their kubeconfigs, prints {@code ready} and runs until stopped.
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {"Starts two sandboxes on loopback to try Ferry without a cloud: a source preloaded with the "
                + "demo AKS estate and an empty target. A sandbox SIMULATES a Kubernetes API server (discovery, "
                + "dry-run, server-side apply, readiness); it is not a cluster and runs no containers.",
            "Writes DIR/source.kubeconfig (context ferry-sandbox-source) and DIR/target.kubeconfig (context "
                + "ferry-sandbox-target), prints `ready`, and runs until stopped (Ctrl+C)."},
        footer = {"", "Example: kubectl --kubeconfig DIR/source.kubeconfig get deployments -A",
            "Exit codes: 0 stopped, 2 bad usage or a port that cannot be bound."})
final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Folder for source.kubeconfig and target.kubeconfig (created when missing).")
    Path dir;

    @Option(names = "--estate", paramLabel = "ESTATE", defaultValue = "demo",
            description = "What the source holds: demo (the demo AKS estate, default) or none.")
    String estate;

    @Option(names = "--port-base", paramLabel = "P", defaultValue = "0",
            description = "The source listens on port P and the target on P+1; 0 (default) picks free ports.")
    int portBase;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SandboxPair.Estate chosen;
        switch (estate.toLowerCase(Locale.ROOT)) {
            case "demo" -> chosen = SandboxPair.Estate.DEMO;
            case "none" -> chosen = SandboxPair.Estate.NONE;
            default -> {
                err.println("ferry sandbox: unknown estate `" + estate + "`; use demo or none.");
                return ExitCodes.BAD_INPUT;
            }
        }
        SandboxPair pair;
        try {
            pair = SandboxPair.start(dir, chosen, portBase);
        } catch (SandboxException e) {
            err.println("ferry sandbox: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            pair.close();
            stopped.countDown();
        }, "ferry-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            printReady(out, pair, chosen);
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the JVM (tests, embedding): close here instead of in the hook
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            pair.close();
        }
        return ExitCodes.OK;
    }

    private static void printReady(PrintWriter out, SandboxPair pair, SandboxPair.Estate estate) {
        out.println("Ferry sandbox: two simulated Kubernetes API servers on loopback. They answer like an API server "
                + "(discovery, dry-run, server-side apply, readiness) but are not clusters: nothing runs in them.");
        out.println();
        print(out, "source", pair.source(), SandboxPair.SOURCE_CONTEXT, pair.sourceKubeconfig(),
                estate == SandboxPair.Estate.DEMO
                        ? "demo AKS estate, " + DemoEstate.objects().size() + " objects in namespaces "
                                + String.join(", ", DemoEstate.NAMESPACES)
                        : "empty");
        print(out, "target", pair.target(), SandboxPair.TARGET_CONTEXT, pair.targetKubeconfig(),
                estate == SandboxPair.Estate.DEMO
                        ? "no workloads; the CRDs of Karpenter, the AWS Load Balancer Controller and the Prometheus "
                                + "Operator installed"
                        : "empty");
        out.println();
        out.println("Try: kubectl --kubeconfig " + pair.sourceKubeconfig() + " get deployments -A");
        out.println("Stop with Ctrl+C.");
        out.println("ready");
        out.flush();
    }

    private static void print(PrintWriter out, String role, SandboxServer server, String context, Path kubeconfig,
                              String holds) {
        out.println(role + ":  context " + context + "  server " + server.url() + "  (" + holds + ")");
        out.println("        kubeconfig " + kubeconfig);
    }
}
