package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;

/**
 * Removes every {@code alb.ingress.kubernetes.io/*} annotation no named rule translates and reports each with the
 * Ingress named: routing actions and conditions, Cognito/OIDC authentication, IngressGroups, WAFv2/Shield, mutual TLS
 * and regex paths need a human (EDGES.md §2.3); network placement keys become Azure-side work; unknown keys are
 * reported so nothing AWS-only survives silently.
 */
public final class AlbUnsupportedAnnotationsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("alb-annotations-without-agic-equivalent",
            "ALB annotations without AGIC equivalent reported",
            "Removes the ALB annotations AGIC cannot express and reports each with the Azure practice that replaces "
                    + "it.",
            Edge.INGRESS, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AlbIngresses.isAlb(object, context.estate())) {
            return;
        }
        List<String> keys = object.annotations().keySet().stream().filter(AlbIngresses::isAlbKey)
                .filter(k -> !AlbIngresses.HANDLED.contains(k)).sorted().toList();
        if (keys.isEmpty()) {
            return;
        }
        String ingress = "Ingress " + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name();
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ALB annotations without AGIC equivalent removed")
                .rationale("EDGES.md §2.3: these ALB annotations have no AGIC annotation; each is reported with the "
                        + "Azure practice that replaces it.");
        for (String key : keys) {
            change.remove(AgicAnnotations.pointer(key));
            String name = key.substring(AlbAnnotations.PREFIX.length());
            String value = object.annotations().get(key);
            change.finding(finding(ingress, name, value));
        }
    }

    static Finding finding(String ingress, String name, String value) {
        String what = ingress + ": `" + name + ": " + abbreviate(value) + "` ";
        if (name.startsWith("actions.") || name.startsWith("conditions.")) {
            return Finding.actionRequired(what + "has no AGIC equivalent (AGIC only redirects HTTP to HTTPS). Write "
                    + "the fixed responses, redirects, weighted forwards or header/query conditions as Gateway API "
                    + "`HTTPRoute` rules on Application Gateway for Containers, or in the application.");
        }
        if (name.startsWith("transforms.")) {
            return Finding.actionRequired(what + "was removed; AGIC rewrites a path prefix with "
                    + "`backend-path-prefix` and the host with `backend-hostname`. Set them by hand if the rewrite "
                    + "is a prefix replacement.");
        }
        if (name.startsWith("auth-") || name.equals("jwt-validation")) {
            return Finding.actionRequired(what + "has no AGIC equivalent: Application Gateway does not authenticate "
                    + "users. Put an auth proxy (e.g. oauth2-proxy with Entra ID) in front of the backend.");
        }
        if (name.startsWith("group.")) {
            return Finding.actionRequired(what + "was removed: AGIC programs every Ingress of its class onto one "
                    + "Application Gateway, so all Ingresses share it, and rule order follows path specificity, not "
                    + "`group.order`. Check overlapping hosts/paths across the group's Ingresses.");
        }
        if (name.startsWith("wafv2-acl") || name.equals("waf-acl-id") || name.equals("web-acl-id")) {
            return Finding.actionRequired(what + "names an AWS WAF web ACL. Create an Application Gateway WAF policy "
                    + "with equivalent rules and set `appgw.ingress.kubernetes.io/waf-policy-for-path` to its ARM id "
                    + "(or attach it to the gateway).");
        }
        if (name.equals("shield-advanced-protection")) {
            return Finding.actionRequired(what + "was removed: enable Azure DDoS Protection on the Application "
                    + "Gateway's virtual network or public IP.");
        }
        if (name.equals("mutual-authentication")) {
            return Finding.actionRequired(what + "was removed: client-certificate authentication is an SSL profile "
                    + "on the Application Gateway, named in `appgw.ingress.kubernetes.io/appgw-ssl-profile`.");
        }
        if (name.equals("use-regex-path-match")) {
            return Finding.actionRequired(what + "was removed: AGIC has no regex paths, only `*` wildcards with "
                    + "`pathType: ImplementationSpecific`. Rewrite the paths.");
        }
        if (name.equals("target-type")) {
            return "instance".equals(value == null ? "" : value.strip())
                    ? Finding.actionRequired(what + "sent traffic through NodePorts; AGIC always targets pod IPs, "
                    + "which must be routable from the gateway subnet (Azure CNI; overlay networking needs "
                    + "Application Gateway for Containers).")
                    : Finding.info(what + "was removed: AGIC always targets pod IPs.");
        }
        if (List.of("subnets", "security-groups", "manage-backend-security-group-rules", "inbound-cidrs",
                "security-group-prefix-lists").contains(name)) {
            return Finding.warning(what + "was removed: the Application Gateway has its own subnet; restrict "
                    + "sources with an NSG on that subnet or WAF custom rules.");
        }
        if (List.of("load-balancer-name", "tags", "ip-address-type", "target-node-labels",
                "minimum-load-balancer-capacity").contains(name) || name.startsWith("enable-frontend-nlb")
                || name.startsWith("frontend-nlb")) {
            return Finding.info(what + "was removed: it configures the ALB resource; set the Application Gateway's "
                    + "name, tags, IP version and capacity on the Azure resource.");
        }
        return Finding.warning(what + "is not known to Ferry and was removed; check whether the Application "
                + "Gateway needs an equivalent.");
    }

    private static String abbreviate(String value) {
        String v = value == null ? "" : value.strip().replace('\n', ' ');
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
