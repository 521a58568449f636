package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Translates ACM certificates ({@code certificate-arn}) into {@code appgw-ssl-certificate}: the certificate must be a
 * Key Vault certificate installed on the Application Gateway, named through {@code ingress.certificates} (ACM ARN →
 * gateway certificate name). Without a mapping, or with several ARNs, it says exactly what to create. An Ingress
 * with {@code spec.tls} keeps it: AGIC reads the TLS Secret, which the ALB ignored. {@code ssl-policy} becomes an
 * action on a pre-created SSL profile.
 */
public final class AlbCertificateToAgicRule implements Rule {

    static final String CERTIFICATES = "ingress.certificates";

    static final RuleInfo INFO = RuleInfo.of("alb-certificate-to-agic", "ACM certificate to AGIC certificate",
            "Replaces ACM certificate ARNs with an Application Gateway certificate from Key Vault and reports the "
                    + "SSL policy.",
            Edge.INGRESS, Direction.EKS_TO_AKS, CERTIFICATES, "keyVault.names", AlbIngresses.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AlbIngresses.isAlb(object, context.estate())) {
            return;
        }
        boolean agc = AlbIngresses.agc(context);
        boolean hasTls = object.at("/spec/tls").size() > 0;
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ACM certificate → Application Gateway certificate")
                .rationale("EDGES.md §2.2/§2.3: the ALB takes certificates from ACM only and ignores "
                        + "`spec.tls[].secretName`; AGIC uses the TLS Secret of `spec.tls`, else a certificate "
                        + "installed on the gateway (`appgw-ssl-certificate`, typically a Key Vault reference). ACM "
                        + "certificates cannot be exported from AWS-issued ACM, so the certificate must exist in Key "
                        + "Vault first.");
        AlbIngresses.take(change, object, "certificate-arn").ifPresent(text -> {
            List<String> arns = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            Map<String, String> names = context.settings().map(CERTIFICATES);
            if (hasTls) {
                change.finding(Finding.warning("The ALB served ACM certificate(s) " + arns + " and ignored "
                        + "`spec.tls`; AGIC will serve the TLS Secret(s) named in `spec.tls` instead. Make sure "
                        + "those Secrets hold the same certificate (for example synced from Key Vault)."));
            } else if (agc) {
                change.finding(Finding.actionRequired("Application Gateway for Containers serves Kubernetes TLS "
                        + "Secrets only: put the certificate of " + arns + " in a TLS Secret (e.g. synced from Key "
                        + "Vault) and add `spec.tls` with the hosts (EDGES.md §2.5)."));
            } else if (arns.size() == 1 && names.containsKey(arns.get(0))) {
                AlbIngresses.putAgic(change, object, "appgw-ssl-certificate", names.get(arns.get(0)));
            } else {
                String first = arns.isEmpty() ? "" : arns.get(0);
                change.finding(Finding.missingSetting(CERTIFICATES, "The ALB served ACM certificate(s) " + arns
                        + ". Import the certificate (PFX) into Key Vault"
                        + keyVault(context) + ", add it to the Application Gateway as a listener certificate "
                        + "(`az network application-gateway ssl-cert create --key-vault-secret-id ...`), then map "
                        + "`" + first + "` to that certificate's name in `" + CERTIFICATES + "` and re-run, so "
                        + "Ferry writes `appgw.ingress.kubernetes.io/appgw-ssl-certificate`."
                        + (arns.size() > 1 ? " AGIC takes one certificate per Ingress; the others (SNI) need "
                        + "`spec.tls` entries per host." : "")));
            }
        });
        AlbIngresses.take(change, object, "ssl-policy").ifPresent(policy -> change.finding(Finding.actionRequired(
                "`ssl-policy: " + policy + "` has no AGIC value: create an SSL profile on the Application Gateway "
                        + "with the same minimum TLS version and ciphers and name it in "
                        + "`appgw.ingress.kubernetes.io/appgw-ssl-profile` (EDGES.md §2.3).")));
    }

    private static String keyVault(RuleContext context) {
        Map<String, String> vaults = context.settings().map("keyVault.names");
        return vaults.isEmpty() ? "" : " (e.g. `" + vaults.values().iterator().next() + "`)";
    }
}
