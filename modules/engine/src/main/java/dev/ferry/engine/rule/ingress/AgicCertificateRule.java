package dev.ferry.engine.rule.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Points the ALB at ACM certificates: {@code appgw-ssl-certificate} and the Secrets of {@code spec.tls} are looked up
 * in the settings map {@code ingress.certificates} (certificate or Secret name → ACM ARN) and written as
 * {@code certificate-arn}. The ALB never reads Kubernetes TLS Secrets; without an ARN it can only discover an ACM
 * certificate by host, so an unmapped certificate is action-required. {@code spec.tls} stays: its hosts drive that
 * discovery and the ALB ignores its Secret names.
 */
public final class AgicCertificateRule implements Rule {

    static final String SETTING = "ingress.certificates";

    static final RuleInfo INFO = RuleInfo.of("agic-certificate-to-acm", "AGIC certificate to ACM certificate-arn",
            "Replaces Application Gateway certificates and Kubernetes TLS Secrets with ACM certificate ARNs.",
            Edge.INGRESS, Direction.AKS_TO_EKS, SETTING);

    private static final String RATIONALE = "EDGES.md §2.2/§2.4: the ALB terminates TLS only with ACM certificates, "
            + "named in `certificate-arn` (first = default, rest = SNI) or discovered from the Ingress hosts; it never "
            + "reads Kubernetes TLS Secrets nor Application Gateway certificates. AGIC ignores `appgw-ssl-certificate` "
            + "when `spec.tls` is set.";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        Optional<String> appgwCert = AgicAnnotations.value(object, AgicAnnotations.SSL_CERTIFICATE);
        JsonNode tls = object.at("/spec/tls");
        if (appgwCert.isEmpty() && tls.size() == 0) {
            return;
        }
        Map<String, String> arns = context.settings().map(SETTING);
        RuleOutput.ChangeBuilder change = output.change(object).rationale(RATIONALE);
        appgwCert.ifPresent(v -> change.remove(AgicAnnotations.pointer(AgicAnnotations.SSL_CERTIFICATE)));
        if (tls.size() > 0) {
            appgwCert.ifPresent(name -> change.finding(Finding.info("`appgw-ssl-certificate: " + name + "` was "
                    + "removed: AGIC ignored it because `spec.tls` is set.")));
            fromTls(object, tls, arns, change);
        } else {
            String name = appgwCert.get();
            String arn = arns.get(name);
            if (arn == null) {
                change.summary("Application Gateway certificate `" + name + "` needs an ACM ARN")
                        .finding(Finding.missingSetting(SETTING, "Application Gateway certificate `" + name
                                + "` has no ACM ARN. Import it into ACM in the target region and add `" + name
                                + ": arn:aws:acm:...` under `" + SETTING + "`, then re-run."));
            } else {
                change.summary("Certificate `" + name + "` → ACM `certificate-arn`");
                AlbAnnotations.put(change, object, "certificate-arn", arn);
            }
        }
    }

    private static void fromTls(KubeObject object, JsonNode tls, Map<String, String> arns,
                                RuleOutput.ChangeBuilder change) {
        Set<String> found = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (JsonNode entry : tls) {
            entry.path("hosts").forEach(h -> hosts.add(h.asText()));
            String secret = entry.path("secretName").asText("");
            if (secret.isBlank()) {
                continue;
            }
            String arn = lookup(arns, object.namespace(), secret);
            if (arn == null) {
                missing.add(secret);
            } else {
                found.add(arn);
            }
        }
        change.finding(Finding.info("The ALB ignores `spec.tls` Secrets; `spec.tls` is kept because its hosts "
                + "drive ACM certificate discovery. The TLS Secrets are no longer used for this Ingress."));
        if (missing.isEmpty() && !found.isEmpty()) {
            change.summary("TLS Secrets → ACM `certificate-arn`");
            AlbAnnotations.put(change, object, "certificate-arn", String.join(",", found));
            return;
        }
        change.summary("TLS needs ACM certificates");
        if (missing.isEmpty()) {
            change.finding(Finding.warning("`spec.tls` names no Secret; the ALB will look for ACM certificates covering "
                    + (hosts.isEmpty() ? "the rule hosts" : String.join(", ", hosts)) + "."));
            return;
        }
        change.finding(Finding.missingSetting(SETTING, "TLS Secret(s) " + String.join(", ", missing)
                + " have no ACM ARN. Import the certificate(s) into ACM and map each Secret name to its ARN under `"
                + SETTING + "`, or make sure an issued ACM certificate covers "
                + (hosts.isEmpty() ? "the Ingress hosts" : String.join(", ", hosts))
                + " so the ALB discovers it."));
    }

    /** By Secret name, {@code namespace/secret}, or the certificate name AGIC gives it ({@code cert-<ns>-<secret>}). */
    private static String lookup(Map<String, String> arns, String namespace, String secret) {
        for (String key : List.of(namespace + "/" + secret, "cert-" + namespace + "-" + secret, secret)) {
            String arn = arns.get(key);
            if (arn != null && !arn.isBlank()) {
                return arn.strip();
            }
        }
        return null;
    }
}
