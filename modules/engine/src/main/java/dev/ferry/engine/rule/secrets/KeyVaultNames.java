package dev.ferry.engine.rule.secrets;

import dev.ferry.engine.settings.MigrationSettings;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an AWS Secrets Manager secret or SSM parameter goes in Azure Key Vault, through the {@code keyVault.names}
 * setting (name prefix → vault; the longest matching prefix wins, {@code "*"} is the fallback). The Key Vault secret
 * name is the AWS name without that prefix, with every character Key Vault does not allow (anything but letters,
 * digits and hyphens) turned into a hyphen (EDGES.md §6.2, §6.5).
 */
final class KeyVaultNames {

    static final String SETTING = "keyVault.names";
    static final String VAULT_PLACEHOLDER = "KEY_VAULT_NAME";
    private static final Pattern SECRETS_MANAGER_ARN =
            Pattern.compile("^arn:aws[a-z-]*:secretsmanager:[^:]*:[^:]*:secret:(.+?)(-[A-Za-z0-9]{6})?$");
    private static final Pattern SSM_ARN = Pattern.compile("^arn:aws[a-z-]*:ssm:[^:]*:[^:]*:parameter(/.+)$");

    /** A mapped name: the vault (empty when unknown), the Key Vault secret name, and notes for a reviewer. */
    record Mapped(String vault, String name, boolean fromArn, boolean placeholder) {
    }

    private KeyVaultNames() {
    }

    static Mapped map(String awsName, MigrationSettings settings) {
        String name = awsName.strip();
        boolean fromArn = false;
        Matcher arn = SECRETS_MANAGER_ARN.matcher(name);
        Matcher ssm = SSM_ARN.matcher(name);
        if (arn.matches()) {
            name = arn.group(1);
            fromArn = true;
        } else if (ssm.matches()) {
            name = ssm.group(1);
            fromArn = true;
        }
        if (name.contains("$")) {
            return new Mapped(fallbackVault(settings).orElse(""), name, fromArn, true);
        }
        Map<String, String> vaults = settings.map(SETTING);
        String prefix = null;
        for (String candidate : vaults.keySet()) {
            if (!candidate.equals("*") && name.startsWith(candidate)
                    && (prefix == null || candidate.length() > prefix.length())) {
                prefix = candidate;
            }
        }
        String vault = prefix != null ? vaults.get(prefix).strip() : vaults.getOrDefault("*", "").strip();
        String rest = prefix != null ? name.substring(prefix.length()) : name;
        String clean = rest.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("^-+", "").replaceAll("-+$", "");
        if (clean.length() > 127) {
            clean = clean.substring(0, 127);
        }
        return new Mapped(vault, clean.isEmpty() ? "secret" : clean, fromArn, false);
    }

    /** The vault when {@code keyVault.names} names exactly one, or its {@code "*"} fallback. */
    static Optional<String> fallbackVault(MigrationSettings settings) {
        Map<String, String> vaults = settings.map(SETTING);
        if (vaults.containsKey("*")) {
            return Optional.of(vaults.get("*").strip());
        }
        TreeSet<String> distinct = new TreeSet<>(vaults.values());
        return distinct.size() == 1 ? Optional.of(distinct.first().strip()) : Optional.empty();
    }
}
