package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Switches a SecretProviderClass from {@code provider: aws} (ASCP) to {@code provider: azure}: removes the AWS
 * parameters and sets {@code keyvaultName} (from {@code keyVault.names}), {@code tenantID}, and {@code clientID} of
 * the mounting pods' ServiceAccount for workload identity (EDGES.md §6.2–6.4). The {@code objects} parameter is
 * {@link AscpObjectsToKeyVaultRule}'s.
 */
public final class AscpProviderToAzureRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ascp-provider-to-keyvault", "AWS provider to Key Vault provider",
            "Switches a SecretProviderClass from the AWS provider to the Azure Key Vault provider with vault, tenant and workload identity client id.",
            Edge.SECRETS, Direction.EKS_TO_AKS, KeyVaultNames.SETTING, "azure.tenantId", "identity.clientIds");

    static final List<String> AWS_PARAMETERS = List.of("region", "failoverRegion", "pathTranslation",
            "preferredAddressType");
    static final String TENANT_PLACEHOLDER = "TENANT_ID";
    static final String CLIENT_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AwsProviderObjects.isAwsClass(object)) {
            return;
        }
        MigrationSettings settings = context.settings();
        JsonNode parameters = object.at("/spec/parameters");
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("SecretProviderClass provider aws → azure")
                .rationale("EDGES.md §6.4: the AWS vault is implicit (account and region) while Key Vault is named "
                        + "(`keyvaultName`, `tenantID`); the identity moves from the ServiceAccount's IAM role to "
                        + "workload identity with `clientID` (EDGES.md §6.2).")
                .replace(Pointer.of("spec", "provider"), "azure");
        for (String name : AWS_PARAMETERS) {
            if (parameters.has(name)) {
                change.remove(Pointer.of("spec", "parameters", name));
            }
        }
        if (parameters.has("failoverRegion")) {
            change.finding(Finding.warning("`failoverRegion` has no Key Vault parameter; Key Vault replicates to its "
                    + "paired region itself."));
        }
        change.add(Pointer.of("spec", "parameters", "usePodIdentity"), "false");
        change.add(Pointer.of("spec", "parameters", "keyvaultName"), vault(object, settings, change));
        Optional<String> tenant = settings.text("azure.tenantId");
        change.add(Pointer.of("spec", "parameters", "tenantID"), tenant.orElse(TENANT_PLACEHOLDER));
        if (tenant.isEmpty()) {
            change.finding(Finding.missingSetting("azure.tenantId", "Set `azure.tenantId`: the Azure provider needs "
                    + "the Key Vault's tenant; the class shows " + TENANT_PLACEHOLDER + " until then."));
        }
        change.add(Pointer.of("spec", "parameters", "clientID"), clientId(object, context, change));
    }

    private static String vault(KubeObject object, MigrationSettings settings, RuleOutput.ChangeBuilder change) {
        AwsProviderObjects.Result result = AwsProviderObjects.map(object, settings);
        TreeSet<String> vaults = new TreeSet<>(result.vaults());
        vaults.remove("");
        if (vaults.isEmpty() || result.vaults().contains("")) {
            change.finding(Finding.missingSetting(KeyVaultNames.SETTING, "No Key Vault is known for "
                    + (result.ok() ? "some secrets of this class" : "this class") + ": add their name prefix to "
                    + "`keyVault.names` (for example `{prod/: shop-kv}`, or `{\"*\": shop-kv}` for all)."));
        }
        if (vaults.size() > 1) {
            change.finding(Finding.actionRequired("The secrets of this class map to several Key Vaults " + vaults
                    + "; a SecretProviderClass reads one vault. Split the class, or import the secrets into `"
                    + vaults.first() + "`."));
        }
        return vaults.isEmpty() ? KeyVaultNames.VAULT_PLACEHOLDER : vaults.first();
    }

    private static String clientId(KubeObject object, RuleContext context, RuleOutput.ChangeBuilder change) {
        TreeSet<String> accounts = new TreeSet<>();
        SecretsStoreCsi.mounters(context.estate(), object.namespace(), object.name())
                .forEach(volume -> accounts.add(volume.serviceAccount()));
        String namespace = object.namespace().isEmpty() ? "default" : object.namespace();
        TreeSet<String> ids = new TreeSet<>();
        for (String account : accounts) {
            String id = context.settings().map("identity.clientIds").get(namespace + "/" + account);
            if (id != null && !id.isBlank()) {
                ids.add(id.strip());
            }
        }
        if (ids.size() == 1 && accounts.size() == 1) {
            change.finding(Finding.info("Key Vault is read as the workload identity of ServiceAccount `"
                    + accounts.first() + "`; grant it Key Vault Secrets User on the vault (EDGES.md §1.10)."));
            return ids.first();
        }
        String who = accounts.isEmpty() ? "No workload in the estate mounts this class"
                : "Mounted as ServiceAccount(s) " + accounts;
        change.finding(Finding.missingSetting("identity.clientIds", who + ": set `identity.clientIds` for the "
                + "mounting ServiceAccount (`" + namespace + "/<serviceAccount>`), one identity per class; the "
                + "class shows the placeholder client id until then. Grant it Key Vault Secrets User."));
        return CLIENT_PLACEHOLDER;
    }
}
