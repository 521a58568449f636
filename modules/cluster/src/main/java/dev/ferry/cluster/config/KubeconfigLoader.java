package dev.ferry.cluster.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads kubeconfig files the way kubectl does: an explicit file; else every path in {@code KUBECONFIG}
 * (separated by the platform's path separator, merged in order, missing ones skipped with a warning); else
 * {@code ~/.kube/config}. The environment and the home directory are injected, so tests never read the real ones.
 */
public final class KubeconfigLoader {

    /** The environment variable kubectl reads. */
    public static final String KUBECONFIG = "KUBECONFIG";

    private static final Logger LOG = LoggerFactory.getLogger(KubeconfigLoader.class);
    /** Far above a kubeconfig of a thousand contexts; bounds what a wrong path can cost. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private final Map<String, String> environment;
    private final Path home;
    private final String pathSeparator;

    /** Reads the process environment and the user's home directory. */
    public KubeconfigLoader() {
        this(System.getenv(), Path.of(System.getProperty("user.home")), File.pathSeparator);
    }

    public KubeconfigLoader(Map<String, String> environment, Path home) {
        this(environment, home, File.pathSeparator);
    }

    public KubeconfigLoader(Map<String, String> environment, Path home, String pathSeparator) {
        this.environment = Map.copyOf(environment);
        this.home = Objects.requireNonNull(home, "home");
        this.pathSeparator = pathSeparator;
    }

    /**
     * Loads the kubeconfig.
     *
     * @param explicitFile the file given with {@code --kubeconfig} or picked in the app; null to search
     * @throws KubeconfigException when nothing is found, a named file is missing, or a file is not a kubeconfig
     */
    public Kubeconfig load(Path explicitFile) throws KubeconfigException {
        List<String> warnings = new ArrayList<>();
        List<Path> files = candidates(explicitFile, warnings);
        Map<String, KubeContext> contexts = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedContext> namedContexts = new LinkedHashMap<>();
        Map<String, Path> contextFiles = new LinkedHashMap<>();
        String current = null;
        for (Path file : files) {
            Config config = parse(file);
            if (config == null) {
                continue;
            }
            if (current == null && config.getCurrentContext() != null && !config.getCurrentContext().isBlank()) {
                current = config.getCurrentContext();
            }
            if (config.getClusters() != null) {
                config.getClusters().stream().filter(c -> c.getName() != null && c.getCluster() != null)
                        .forEach(c -> clusters.putIfAbsent(c.getName(), c));
            }
            if (config.getContexts() != null) {
                for (NamedContext context : config.getContexts()) {
                    if (context.getName() != null && context.getContext() != null
                            && !namedContexts.containsKey(context.getName())) {
                        namedContexts.put(context.getName(), context);
                        contextFiles.put(context.getName(), file);
                    }
                }
            }
        }
        for (NamedContext context : namedContexts.values()) {
            String clusterName = nullToEmpty(context.getContext().getCluster());
            NamedCluster cluster = clusters.get(clusterName);
            String server = cluster == null ? "" : nullToEmpty(cluster.getCluster().getServer());
            contexts.put(context.getName(), new KubeContext(context.getName(), clusterName, server,
                    nullToEmpty(context.getContext().getUser()), nullToEmpty(context.getContext().getNamespace()),
                    contextFiles.get(context.getName())));
        }
        return new Kubeconfig(files, contexts, current, warnings);
    }

    private List<Path> candidates(Path explicitFile, List<String> warnings) throws KubeconfigException {
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new KubeconfigException("Kubeconfig `" + explicitFile + "` does not exist or is not a file. "
                        + "Check the path given with --kubeconfig.");
            }
            return List.of(explicitFile);
        }
        String variable = environment.get(KUBECONFIG);
        if (variable != null && !variable.isBlank()) {
            Set<Path> listed = new LinkedHashSet<>();
            for (String entry : variable.split(java.util.regex.Pattern.quote(pathSeparator))) {
                if (!entry.isBlank()) {
                    listed.add(Path.of(entry.trim()));
                }
            }
            List<Path> existing = new ArrayList<>();
            for (Path path : listed) {
                if (Files.isRegularFile(path)) {
                    existing.add(path);
                } else {
                    warnings.add("`" + path + "` in " + KUBECONFIG + " does not exist; skipped");
                }
            }
            if (existing.isEmpty()) {
                throw new KubeconfigException("None of the files in " + KUBECONFIG + " exists (" + listed
                        + "). Fix " + KUBECONFIG + ", or give a file with --kubeconfig.");
            }
            return existing;
        }
        Path defaultFile = home.resolve(".kube").resolve("config");
        if (!Files.isRegularFile(defaultFile)) {
            throw new KubeconfigException("No kubeconfig found: --kubeconfig was not given, " + KUBECONFIG
                    + " is not set and `" + defaultFile + "` does not exist. Fetch credentials (`az aks "
                    + "get-credentials ...` for AKS, `aws eks update-kubeconfig ...` for EKS) or give a file with "
                    + "--kubeconfig.");
        }
        return List.of(defaultFile);
    }

    /** Parses one file; null for an empty file. Never puts the file's content in a message or the log. */
    private static Config parse(Path file) throws KubeconfigException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KubeconfigException("Kubeconfig `" + file + "` is " + Files.size(file) / (1024 * 1024)
                        + " MB, more than the " + (MAX_FILE_BYTES >> 20) + " MB a kubeconfig can sensibly be; check "
                        + "the path names a kubeconfig.");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                return null;
            }
            checkLines(file, text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new KubeconfigException("Kubeconfig `" + file + "` is not UTF-8 text (a binary file, or text "
                    + "saved in another encoding); check the path names a kubeconfig, or fetch it again.");
        } catch (IOException e) {
            throw new KubeconfigException("Kubeconfig `" + file + "` cannot be read (" + e.getClass().getSimpleName()
                    + "). Check its permissions.");
        }
        try {
            return KubeConfigUtils.parseConfig(file.toFile());
        } catch (RuntimeException e) {
            // the parser's own message can quote the offending line, which may be a token: keep only the location
            LOG.debug("kubeconfig {} is not parseable: {}", file, e.getClass().getName());
            throw new KubeconfigException("Kubeconfig `" + file + "` is not a valid kubeconfig" + location(e)
                    + ". Fix the file (`kubectl config view --kubeconfig " + file + "` shows what kubectl makes of "
                    + "it), or fetch it again.");
        }
    }

    /**
     * The YAML scanner is quadratic in the length of a line, so a hostile line would hang reading instead of
     * failing; real kubeconfigs have lines of a few kilobytes (base64 certificates).
     */
    private static void checkLines(Path file, String text) throws KubeconfigException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new KubeconfigException("Kubeconfig `" + file + "` line " + line + " is longer than "
                            + (MAX_LINE_CHARS >> 10) + " KB, which no kubeconfig needs; check the path names a "
                            + "kubeconfig, or fetch it again.");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static String location(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                JsonLocation location = json.getLocation();
                if (location != null && location.getLineNr() > 0) {
                    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
                }
            }
        }
        return "";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
