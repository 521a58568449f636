package dev.ferry.cluster.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kubeconfig files Ferry loaded, merged the way kubectl merges them (the first file that defines a context,
 * cluster or user name wins; the first file that sets a current context wins), and the contexts they define.
 * Holds names and servers only; credentials stay in the files and are read by the client when connecting.
 */
public final class Kubeconfig {

    private final List<Path> files;
    private final Map<String, KubeContext> contexts;
    private final String currentContext;
    private final List<String> warnings;

    Kubeconfig(List<Path> files, Map<String, KubeContext> contexts, String currentContext, List<String> warnings) {
        this.files = List.copyOf(files);
        this.contexts = contexts;
        this.currentContext = currentContext;
        this.warnings = List.copyOf(warnings);
    }

    /** The files that were read, in merge order. */
    public List<Path> files() {
        return files;
    }

    /** Every context, in the order the files define them. */
    public List<KubeContext> contexts() {
        return List.copyOf(contexts.values());
    }

    public Optional<KubeContext> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /** The current context the files name, if any and if it exists. */
    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext).filter(contexts::containsKey);
    }

    /** Notes about the loading that did not stop it (a path in {@code KUBECONFIG} that does not exist). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The context named, or the current one when {@code name} is null or blank.
     *
     * @throws KubeconfigException naming the files and the contexts that exist when there is no such context
     */
    public KubeContext resolve(String name) throws KubeconfigException {
        if (name == null || name.isBlank()) {
            return currentContext().map(contexts::get).orElseThrow(() -> new KubeconfigException(
                    "No current context is set in " + describeFiles() + ". Pass --context with one of: "
                            + contextNames() + "."));
        }
        KubeContext context = contexts.get(name);
        if (context == null) {
            throw new KubeconfigException("Context `" + name + "` is not defined in " + describeFiles()
                    + ". Contexts there: " + contextNames() + ". Check the name, or give the right file with "
                    + "--kubeconfig.");
        }
        if (context.server().isEmpty()) {
            throw new KubeconfigException("Context `" + name + "` names cluster `" + context.cluster()
                    + "`, which has no server in " + describeFiles() + ". Fix the cluster entry, or fetch the "
                    + "kubeconfig again (`az aks get-credentials`, `aws eks update-kubeconfig`).");
        }
        return context;
    }

    private String contextNames() {
        return contexts.isEmpty() ? "(none)" : String.join(", ", contexts.keySet());
    }

    String describeFiles() {
        return files.stream().map(p -> "`" + p + "`").collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "kubeconfig " + files + " with contexts " + contexts.keySet();
    }
}
