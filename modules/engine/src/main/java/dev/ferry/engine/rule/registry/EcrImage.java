package dev.ferry.engine.rule.registry;

import dev.ferry.engine.settings.MigrationSettings;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference that points at Amazon ECR, and where it goes on Azure Container Registry (EDGES.md §5.1, §5.5):
 * the repository path and the tag or digest are kept verbatim, only the registry host changes.
 *
 * <p>A path whose first segment is one of the ECR console's default pull-through cache prefixes ({@code docker-hub},
 * {@code ecr-public}, {@code quay}, {@code kubernetes}, …, EDGES.md §5.4) most likely names a cached upstream image;
 * the prefix is user-chosen, so this is a guess that the rules report as one.
 */
record EcrImage(String host, String path) {

    private static final Pattern ECR = Pattern.compile(
            "^([^/]+\\.dkr\\.ecr(-fips)?\\.[^/]+\\.amazonaws\\.com(\\.cn)?)/(.+)$");

    /** Placeholder written into the target host when {@code registry.acrLoginServer} is not set. */
    static final String ACR_PLACEHOLDER = "ACR_NAME.azurecr.io";
    static final String LOGIN_SERVER = "registry.acrLoginServer";

    /** Default pull-through cache prefixes and their upstream registries (EDGES.md §5.4). */
    static final Map<String, String> PULL_THROUGH = Map.of(
            "docker-hub", "docker.io",
            "ecr-public", "public.ecr.aws",
            "quay", "quay.io",
            "kubernetes", "registry.k8s.io",
            "k8s", "registry.k8s.io",
            "github-container-registry", "ghcr.io",
            "gitlab-container-registry", "registry.gitlab.com");

    static Optional<EcrImage> parse(String image) {
        Matcher matcher = ECR.matcher(image.strip());
        return matcher.matches() ? Optional.of(new EcrImage(matcher.group(1), matcher.group(4))) : Optional.empty();
    }

    static String targetHost(MigrationSettings settings) {
        return settings.text(LOGIN_SERVER).map(s -> s.replaceFirst("^https?://", "").replaceAll("/+$", ""))
                .orElse(ACR_PLACEHOLDER);
    }

    String target(MigrationSettings settings) {
        return targetHost(settings) + "/" + path;
    }

    String reference() {
        return host + "/" + path;
    }

    /** The upstream registry when the first path segment is a default pull-through cache prefix. */
    Optional<String> pullThroughUpstream() {
        int slash = path.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(PULL_THROUGH.get(path.substring(0, slash)));
    }

    /** The upstream image a pull-through cache path stands for ({@code docker-hub/library/nginx:1} → docker.io/…). */
    Optional<String> upstreamImage() {
        return pullThroughUpstream().map(upstream -> upstream + path.substring(path.indexOf('/')));
    }

    /** The image path without tag or digest. */
    String repository() {
        int digest = path.indexOf('@');
        String withoutDigest = digest < 0 ? path : path.substring(0, digest);
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

}
