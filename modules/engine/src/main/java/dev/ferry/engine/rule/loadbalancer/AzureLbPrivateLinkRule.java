package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.aws;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.azure;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.pointer;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes the {@code azure-pls-*} annotations, with which cloud-provider-azure creates a Private Link Service in
 * front of the internal load balancer. AWS has no annotation for it: the equivalent is a VPC endpoint service on the
 * NLB, created outside Kubernetes, so an enabled Private Link Service becomes an action-required finding that lists
 * its settings.
 */
public final class AzureLbPrivateLinkRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-private-link-to-endpoint-service",
            "Azure Private Link Service to VPC endpoint service",
            "Removes Azure Private Link Service annotations and asks for a VPC endpoint service on the NLB instead.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    static final String PLS_PREFIX = azure("pls-");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AzureLbAnnotations.inScope(object)) {
            return;
        }
        Map<String, String> pls = new TreeMap<>();
        object.annotations().forEach((key, value) -> {
            if (key.startsWith(PLS_PREFIX)) {
                pls.put(key.substring(PLS_PREFIX.length()), value);
            }
        });
        if (pls.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Remove the Azure Private Link Service annotations")
                .rationale("EDGES.md §3.2 and §10.4: a Private Link Service has no NLB annotation; create a VPC "
                        + "endpoint service on the NLB outside Kubernetes. The NLB's proxy protocol would apply to "
                        + "all clients, not only private-link ones, so `azure-pls-proxy-protocol` is not carried.");
        pls.keySet().forEach(key -> change.remove(pointer(PLS_PREFIX + key)));
        if (!"true".equalsIgnoreCase(pls.getOrDefault("create", "").strip())) {
            change.finding(Finding.info("Private Link Service settings were removed; `azure-pls-create` was not "
                    + "\"true\", so no Private Link Service existed."));
            return;
        }
        StringBuilder settings = new StringBuilder();
        pls.forEach((key, value) -> settings.append(settings.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        change.finding(Finding.actionRequired("This Service published an Azure Private Link Service (" + settings
                + "). After the NLB exists, create a VPC endpoint service for it (AWS PrivateLink), set its allowed "
                + "principals and acceptance to match `pls-visibility` and `pls-auto-approval`, and give the consumers "
                + "the new service name so they recreate their endpoints."));
        if ("true".equalsIgnoreCase(pls.getOrDefault("proxy-protocol", "").strip())) {
            change.finding(Finding.warning("`azure-pls-proxy-protocol` sent PROXY protocol headers only to "
                    + "private-link clients. On AWS `" + aws("proxy-protocol") + ": \"*\"` would send them to every "
                    + "client; set it only if the backend expects them from all traffic."));
        }
    }
}
