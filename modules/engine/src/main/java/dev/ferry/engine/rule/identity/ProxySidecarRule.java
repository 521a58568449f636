package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.INJECT_PROXY_SIDECAR;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.PROXY_SIDECAR_PORT;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;

/**
 * Removes the Workload ID proxy-sidecar annotations ({@code inject-proxy-sidecar}, {@code proxy-sidecar-port}) and
 * flags hand-written {@code azwi-proxy} containers: the proxy answers Azure IMDS token calls and has no EKS
 * equivalent (EDGES.md §1.2, §1.9), so the application must move to the AWS SDK credential chain.
 */
public final class ProxySidecarRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-proxy-sidecar",
            "Workload ID proxy sidecar has no EKS equivalent",
            "Removes the Workload ID proxy-sidecar annotations and flags proxy containers, which EKS cannot replace.",
            Edge.IDENTITY, Direction.AKS_TO_EKS);

    /** Image path of the proxy and proxy-init containers (mcr.microsoft.com/oss/azure/workload-identity/proxy*). */
    private static final String PROXY_IMAGE = "/azure/workload-identity/proxy";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String meta = PodTemplates.metadataPointer(object).orElse(null);
        if (meta == null) {
            return;
        }
        RuleOutput.ChangeBuilder change = null;
        for (String key : List.of(INJECT_PROXY_SIDECAR, PROXY_SIDECAR_PORT)) {
            String pointer = Pointer.child(meta, "annotations", key);
            if (!object.at(pointer).isMissingNode()) {
                change = output.change(object).remove(pointer);
            }
        }
        List<String> proxies = PodTemplates.containers(object).stream()
                .filter(c -> c.image().contains(PROXY_IMAGE)).map(PodTemplates.ContainerRef::name).toList();
        if (change == null && proxies.isEmpty()) {
            return;
        }
        String what = object.kind() + " `" + object.name() + "`";
        change = output.change(object)
                .summary("Azure IMDS proxy of " + object.kind() + " " + object.name() + " has no EKS equivalent")
                .rationale("EDGES.md §1.2/§1.9: the Workload ID proxy sidecar lets code written for IMDS (aad-pod-"
                        + "identity) get Azure tokens; EKS offers no such proxy, and AWS credentials come from the "
                        + "AWS SDK default chain instead.");
        change.finding(Finding.actionRequired(what + " relied on the Workload ID proxy sidecar: change the "
                + "application to use the AWS SDK default credential chain (IRSA or Pod Identity); there is no proxy "
                + "on EKS."));
        if (!proxies.isEmpty()) {
            change.finding(Finding.actionRequired(what + " declares the Azure proxy containers " + proxies
                    + "; remove them once the application uses the AWS SDK, since they only serve Azure tokens."));
        }
    }
}
