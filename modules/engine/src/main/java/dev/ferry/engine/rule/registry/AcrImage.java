package dev.ferry.engine.rule.registry;

import dev.ferry.engine.settings.MigrationSettings;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference that points at Azure Container Registry, and where it goes on ECR (EDGES.md §5.1, §5.5): the
 * repository path and the tag or digest are kept verbatim, only the registry host changes.
 *
 * <p>Placeholder hosts such as {@code YOUR_ACR.azurecr.io} or {@code <acr name>.azurecr.io}, common in samples, are
 * still ACR references: they are mapped like any other, and flagged so a reviewer knows the name was never real.
 */
record AcrImage(String host, String registryName, String path) {

    private static final Pattern ACR = Pattern.compile("^([^/]+)\\.azurecr\\.(io|cn|us|de)/(.+)$");
    private static final Pattern REAL_NAME = Pattern.compile("[a-z0-9]{5,50}");

    /** Placeholder written into the target host when the AWS account or region is not set yet. */
    static final String ACCOUNT_PLACEHOLDER = "AWS_ACCOUNT_ID";
    static final String REGION_PLACEHOLDER = "AWS_REGION";

    static Optional<AcrImage> parse(String image) {
        Matcher matcher = ACR.matcher(image.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(1);
        return Optional.of(new AcrImage(name + ".azurecr." + matcher.group(2), name, matcher.group(3)));
    }

    /** ACR names are 5–50 lowercase letters and digits; anything else is a placeholder left in a sample. */
    boolean isPlaceholder() {
        return !REAL_NAME.matcher(registryName).matches();
    }

    /** The ECR host this registry maps to: the settings map first, else this account's private registry. */
    static String targetHost(String acrHost, MigrationSettings settings) {
        String mapped = settings.map("registry.map").get(acrHost);
        if (mapped != null && !mapped.isBlank()) {
            return mapped.strip();
        }
        String account = settings.text("aws.accountId").orElse(ACCOUNT_PLACEHOLDER);
        String region = settings.text("aws.region").orElse(REGION_PLACEHOLDER);
        return account + ".dkr.ecr." + region + ".amazonaws.com";
    }

    String target(MigrationSettings settings) {
        return targetHost(host, settings) + "/" + path;
    }

    /** The ECR repository name: the path without tag or digest. */
    String repository() {
        int digest = path.indexOf('@');
        String withoutDigest = digest < 0 ? path : path.substring(0, digest);
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    String reference() {
        return host + "/" + path;
    }
}
