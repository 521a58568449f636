package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.EKS_TOKEN_EXPIRATION;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.TOKEN_EXPIRATION;

import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.RuleOutput;

/**
 * Translates {@code azure.workload.identity/service-account-token-expiration} to
 * {@code eks.amazonaws.com/token-expiration} at one metadata pointer (a ServiceAccount's or a pod template's): the
 * EKS webhook reads the key in both places and the pod wins, as on Azure (EDGES.md §1.2, §1.5, §1.9).
 */
final class TokenExpirationTranslation {

    private TokenExpirationTranslation() {
    }

    static void translate(String metadataPointer, String value, IdentitySettings.Mode mode, String what,
                          RuleOutput.ChangeBuilder change) {
        change.remove(Pointer.child(metadataPointer, "annotations", TOKEN_EXPIRATION));
        if (mode == IdentitySettings.Mode.POD_IDENTITY) {
            change.summary("Drop the Workload ID token lifetime of " + what)
                    .rationale("EDGES.md §1.9: EKS Pod Identity tokens have a fixed lifetime of 86400 s; there is "
                            + "no key to carry `" + TOKEN_EXPIRATION + ": " + value + "` to.")
                    .finding(Finding.info("The projected token of " + what + " lived " + value + " s on AKS; under "
                            + "EKS Pod Identity it lives 86400 s and cannot be changed."));
            return;
        }
        long seconds = AzureIdentityKeys.seconds(value);
        if (seconds < 0) {
            change.summary("Drop the unreadable Workload ID token lifetime of " + what)
                    .rationale("EDGES.md §1.1: the value must be whole seconds; `" + value + "` is not, so there "
                            + "is nothing to translate.")
                    .finding(Finding.warning("`" + TOKEN_EXPIRATION + ": " + value + "` on " + what + " is not a "
                            + "number of seconds; EKS will use its default of 86400 s. Set `" + EKS_TOKEN_EXPIRATION
                            + "` by hand if a shorter token lifetime matters."));
            return;
        }
        long clamped = AzureIdentityKeys.clampExpiration(seconds);
        change.add(Pointer.child(metadataPointer, "annotations", EKS_TOKEN_EXPIRATION), Long.toString(clamped))
                .summary("Token lifetime " + clamped + " s for " + what)
                .rationale("EDGES.md §1.5/§1.9: `" + TOKEN_EXPIRATION + "` (Azure: 3600–86400 s, default 3600) "
                        + "becomes `" + EKS_TOKEN_EXPIRATION + "` (EKS: 600–86400 s, default 86400).");
        if (clamped != seconds) {
            change.finding(Finding.warning("Token lifetime " + seconds + " s on " + what + " is outside what EKS "
                    + "accepts (600–86400 s); " + clamped + " s was used."));
        }
    }

    /** The note for a Workload ID ServiceAccount that relied on Azure's shorter default. */
    static Finding defaultDiffers(String what) {
        return Finding.info("The projected token of " + what + " lived 3600 s on AKS (the Workload ID default); the "
                + "EKS default is 86400 s. Add `" + EKS_TOKEN_EXPIRATION + ": \"3600\"` if the shorter lifetime "
                + "matters.");
    }
}
