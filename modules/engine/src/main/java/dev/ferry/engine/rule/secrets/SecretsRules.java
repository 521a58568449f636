package dev.ferry.engine.rule.secrets;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The secrets edge's rule catalogue (EDGES.md §6). */
public final class SecretsRules {

    private SecretsRules() {
    }

    /** AKS → EKS, in run order: Secrets Store CSI classes and volumes, External Secrets, then plain Secrets. */
    public static List<Rule> aksToEks() {
        return List.of(
                new KeyVaultProviderToAwsRule(),
                new KeyVaultObjectsToAscpRule(),
                new NodePublishSecretRefRemovalRule(),
                new KeyVaultCredentialsSecretDropRule(),
                new EsoAzureKvStoreToAwsRule(),
                new EsoKeyVaultRemoteRefRule(),
                new SyncedSecretDropRule(),
                new SecretValuesAtApplyRule(),
                new TlsSecretAcmNoteRule());
    }

    /** EKS → AKS, in run order: Secrets Store CSI classes, then External Secrets. */
    public static List<Rule> eksToAks() {
        return List.of(
                new AscpProviderToAzureRule(),
                new AscpObjectsToKeyVaultRule(),
                new EsoAwsStoreToAzureKvRule(),
                new EsoAwsRemoteRefToKeyVaultRule());
    }
}
