package dev.ferry.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link SandboxMain} child process on this JVM's class path; closing it ends the child. */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final Path kubeconfig;
    private final String context;

    private SandboxProcess(Process process, Path kubeconfig, String context) {
        this.process = process;
        this.kubeconfig = kubeconfig;
        this.context = context;
    }

    /** Starts a sandbox, loaded with {@code estate} when it is not null, and returns once it serves. */
    static SandboxProcess start(Path work, String context, Path estate) throws IOException {
        Path kubeconfig = work.resolve(context + ".kubeconfig");
        Path log = work.resolve(context + "-sandbox.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g",
                "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName(),
                kubeconfig.toString(), context));
        if (estate != null) {
            command.add(estate.toString());
        }
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("The sandbox did not start: " + tail(log));
        }
        return new SandboxProcess(process, kubeconfig, context);
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    String context() {
        return context;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
