package dev.ferry.engine.rule.embedded;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import java.util.List;
import java.util.Set;

/**
 * Reports custom resources that carry another cloud's constructs inside text Ferry does not translate: Helm values
 * in a HelmRelease, templates in a kro ResourceGraphDefinition, a Kyverno policy that sets a node label. The engine
 * rewrites Kubernetes objects, not the manifests embedded in them, so a human has to; the finding says where.
 * One instance per edge, each with that edge's constructs.
 */
public final class EmbeddedReferencesRule implements Rule {

    /** API groups whose objects the catalogue translates itself; reporting them again would only add noise. */
    private static final Set<String> TRANSLATED_GROUPS = Set.of("karpenter.sh", "karpenter.k8s.aws",
            "karpenter.azure.com", "secrets-store.csi.x-k8s.io", "external-secrets.io", "elbv2.k8s.aws",
            "crd.k8s.amazonaws.com", "vpcresources.k8s.aws", "networking.k8s.aws", "eksctl.io",
            "monitoring.coreos.com", "opentelemetry.io", "cloudwatch.aws.amazon.com", "eks.amazonaws.com",
            "prometheusservice.services.k8s.aws", "eks.services.k8s.aws", "snapshot.storage.k8s.io");

    private final RuleInfo info;
    private final List<String> constructs;

    EmbeddedReferencesRule(String id, Edge edge, Direction direction, List<String> constructs) {
        this.info = RuleInfo.of(id, "Embedded " + edge.id() + " references reported",
                "Reports custom resources whose embedded manifests or values name " + String.join(", ", constructs)
                        + ", which the catalogue does not rewrite inside them.", edge, direction);
        this.constructs = List.copyOf(constructs);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String group = object.key().group();
        if (!group.contains(".") || group.endsWith(".k8s.io") || TRANSLATED_GROUPS.contains(group)) {
            return;
        }
        String text = Yaml.write(object.body());
        List<String> found = constructs.stream().filter(text::contains).toList();
        if (found.isEmpty()) {
            return;
        }
        output.change(object)
                .summary(object.kind() + " embeds " + String.join(", ", found))
                .rationale("Ferry translates Kubernetes objects; the manifests, chart values or policies this "
                        + object.kind() + " carries are text to it, so they keep their cloud-specific keys.")
                .finding(Finding.actionRequired(object.kind() + " " + object.name() + " embeds " + String.join(", ",
                        found) + " in its spec. Translate those parts by hand, or render the chart/template and run "
                        + "the output through `ferry propose`."));
    }
}
