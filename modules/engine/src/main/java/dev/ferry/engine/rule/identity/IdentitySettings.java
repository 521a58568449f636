package dev.ferry.engine.rule.identity;

import dev.ferry.engine.Finding;
import dev.ferry.engine.settings.MigrationSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The identity settings a rule reads, with their defaults and placeholders: IAM role names and ARNs, the IRSA OIDC
 * provider and the findings that name a missing key. Placeholders keep the output well-formed until the key is set.
 */
final class IdentitySettings {

    static final String MODE = "identity.mode";
    static final String ROLE_NAME_PATTERN = "identity.roleNamePattern";
    static final String OIDC_PROVIDER = "identity.oidcProvider";
    static final String ACCOUNT_ID = "aws.accountId";
    static final String CLUSTER_NAME = "aws.clusterName";
    static final String REGION = "aws.region";

    static final String DEFAULT_PATTERN = "{cluster}-{namespace}-{serviceAccount}";
    static final String ACCOUNT_PLACEHOLDER = "ACCOUNT_ID";
    static final String CLUSTER_PLACEHOLDER = "CLUSTER_NAME";

    /** IAM role names: at most 64 characters of {@code [\w+=,.@-]}. */
    static final int MAX_ROLE_NAME = 64;
    private static final Pattern ROLE_NAME_INVALID = Pattern.compile("[^A-Za-z0-9_+=,.@-]");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    enum Mode { IRSA, POD_IDENTITY }

    private final MigrationSettings settings;

    private IdentitySettings(MigrationSettings settings) {
        this.settings = settings;
    }

    static IdentitySettings of(MigrationSettings settings) {
        return new IdentitySettings(settings);
    }

    /** {@code identity.mode}: {@code irsa} (default) or {@code pod-identity}; anything else falls back to IRSA. */
    Mode mode() {
        return settings.text(MODE).map(String::toLowerCase).filter(m -> m.equals("pod-identity"))
                .map(m -> Mode.POD_IDENTITY).orElse(Mode.IRSA);
    }

    /** A finding when {@code identity.mode} holds something other than the two known modes. */
    List<Finding> modeFindings() {
        return settings.text(MODE)
                .filter(m -> !m.equalsIgnoreCase("irsa") && !m.equalsIgnoreCase("pod-identity"))
                .map(m -> List.of(Finding.missingSetting(MODE, "`identity.mode` is `" + m
                        + "`, which Ferry does not know; IRSA was used. Set it to `irsa` or `pod-identity`.")))
                .orElse(List.of());
    }

    String account() {
        return settings.text(ACCOUNT_ID).filter(a -> ACCOUNT.matcher(a).matches()).orElse(ACCOUNT_PLACEHOLDER);
    }

    String cluster() {
        return settings.text(CLUSTER_NAME).orElse(CLUSTER_PLACEHOLDER);
    }

    String pattern() {
        return settings.text(ROLE_NAME_PATTERN).orElse(DEFAULT_PATTERN);
    }

    /** The ARN partition implied by {@code aws.region} (EDGES.md §1.5): aws, aws-cn or aws-us-gov. */
    String partition() {
        String region = settings.text(REGION).orElse("");
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** {@code oidc.eks.REGION.amazonaws.com/id/ID} without scheme or trailing slash, or a placeholder. */
    String oidcProvider() {
        return settings.text(OIDC_PROVIDER)
                .map(p -> p.replaceFirst("^https?://", "").replaceAll("/+$", ""))
                .orElse("oidc.eks." + settings.text(REGION).orElse("REGION") + ".amazonaws.com/id/OIDC_ID");
    }

    boolean hasOidcProvider() {
        return settings.text(OIDC_PROVIDER).isPresent();
    }

    /** The IAM role for a ServiceAccount, from {@code identity.roleNamePattern}, shortened to 64 characters. */
    String roleName(String namespace, String serviceAccount) {
        String name = pattern().replace("{cluster}", cluster()).replace("{namespace}", namespace)
                .replace("{serviceAccount}", serviceAccount);
        return shorten(ROLE_NAME_INVALID.matcher(name).replaceAll("-"));
    }

    /** Names longer than IAM allows keep a prefix and end in 8 hex digits of the full name's SHA-256. */
    static String shorten(String name) {
        if (name.length() <= MAX_ROLE_NAME) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(name)).substring(0, 8);
        String prefix = name.substring(0, MAX_ROLE_NAME - hash.length() - 1).replaceAll("[-_.]+$", "");
        return prefix + "-" + hash;
    }

    String roleArn(String roleName) {
        return "arn:" + partition() + ":iam::" + account() + ":role/" + roleName;
    }

    String oidcProviderArn() {
        return "arn:" + partition() + ":iam::" + account() + ":oidc-provider/" + oidcProvider();
    }

    /**
     * Findings for the keys a role ARN needs: the account always, the cluster when the pattern uses it (and always
     * for Pod Identity, whose association names the cluster).
     */
    List<Finding> roleFindings(String what) {
        List<Finding> findings = new ArrayList<>(modeFindings());
        if (settings.text(ACCOUNT_ID).isEmpty()) {
            findings.add(Finding.missingSetting(ACCOUNT_ID, "Set `aws.accountId`: the IAM role ARN for " + what
                    + " uses the placeholder `" + ACCOUNT_PLACEHOLDER + "` until then."));
        } else if (!ACCOUNT.matcher(settings.text(ACCOUNT_ID).get()).matches()) {
            findings.add(Finding.missingSetting(ACCOUNT_ID, "`aws.accountId` must be 12 digits; the IAM role ARN for "
                    + what + " uses the placeholder `" + ACCOUNT_PLACEHOLDER + "` until it is fixed."));
        }
        boolean clusterUsed = pattern().contains("{cluster}") || mode() == Mode.POD_IDENTITY;
        if (clusterUsed && settings.text(CLUSTER_NAME).isEmpty()) {
            findings.add(Finding.missingSetting(CLUSTER_NAME, "Set `aws.clusterName`: the IAM role"
                    + (mode() == Mode.POD_IDENTITY ? " and Pod Identity association" : "") + " for " + what
                    + " use the placeholder `" + CLUSTER_PLACEHOLDER + "` until then."));
        }
        return findings;
    }

    /** Kubernetes namespace of an object read from a file without one: kubectl's default. */
    static String namespaceOrDefault(String namespace) {
        return namespace.isEmpty() ? "default" : namespace;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
