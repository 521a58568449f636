package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.CLIENT_ID;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.TOKEN_EXPIRATION;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Translates the ServiceAccount annotation {@code azure.workload.identity/service-account-token-expiration} to
 * {@code eks.amazonaws.com/token-expiration}, clamped to 600–86400 s (IRSA), or drops it with a note (Pod Identity,
 * fixed 86400 s). A Workload ID ServiceAccount without it gets a note that the default lifetime grows from 3600 s to
 * 86400 s.
 */
public final class WorkloadIdentityTokenExpirationRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-sa-token-expiration",
            "Workload ID token lifetime on ServiceAccounts",
            "Translates the Workload ID token lifetime of a ServiceAccount to the EKS token-expiration annotation.",
            Edge.IDENTITY, Direction.AKS_TO_EKS, IdentitySettings.MODE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "ServiceAccount")) {
            return;
        }
        String what = "ServiceAccount `" + object.name() + "`";
        String value = object.annotations().get(TOKEN_EXPIRATION);
        if (value != null) {
            TokenExpirationTranslation.translate("/metadata", value, IdentitySettings.of(context.settings()).mode(),
                    what, output.change(object));
        } else if (object.annotations().containsKey(CLIENT_ID)
                && IdentitySettings.of(context.settings()).mode() == IdentitySettings.Mode.IRSA) {
            output.finding(object, TokenExpirationTranslation.defaultDiffers(what));
        }
    }
}
