package dev.ferry.app.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Edge;
import dev.ferry.engine.patch.JsonPatch;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgePreviewTest {

    private static final ResourceKey INGRESS = ResourceKey.of("networking.k8s.io/v1", "Ingress", "shop", "storefront");

    private final ObjectNode source = (ObjectNode) Yaml.parse(Fixtures.agicIngress());

    private static Change change(String id, Edge edge, PatchOp... ops) {
        return new Change(id, edge, "rule-" + id, INGRESS, ChangeType.PATCH, "summary", "why", List.of(ops), null,
                List.of());
    }

    private final List<Change> changes = List.of(
            change("class", Edge.INGRESS, PatchOp.replace("/spec/ingressClassName", "alb")),
            change("probe", Edge.INGRESS,
                    PatchOp.remove("/metadata/annotations/appgw.ingress.kubernetes.io~1health-probe-path"),
                    PatchOp.add("/metadata/annotations/alb.ingress.kubernetes.io~1healthcheck-path", "/healthz")),
            change("label", Edge.MONITORING, PatchOp.add("/metadata/labels/team", "web")),
            change("advice", Edge.NETWORKING));

    @Test
    void appliesOnlyTheOperationsOfOneEdge() throws Exception {
        String ingressOnly = EdgePreview.yamlAfter(source, changes, Edge.INGRESS);

        assertThat(ingressOnly).contains("ingressClassName: alb").contains("alb.ingress.kubernetes.io/healthcheck-path")
                .doesNotContain("appgw.ingress.kubernetes.io/health-probe-path").doesNotContain("team: web");
        assertThat(EdgePreview.yamlAfter(source, changes, Edge.MONITORING)).contains("team: web")
                .contains("ingressClassName: azure-application-gateway");
        assertThat(source.path("spec").path("ingressClassName").asText()).isEqualTo("azure-application-gateway");
    }

    @Test
    void makesOneEntryPerEdgeThatAltersTheObjectWithItsCount() throws Exception {
        List<EdgeDiff> perEdge = EdgePreview.perEdge(source, changes);

        assertThat(perEdge).extracting(EdgeDiff::edgeId).containsExactly("ingress", "monitoring");
        assertThat(perEdge).extracting(EdgeDiff::changeCount).containsExactly(2, 1);
        assertThat(perEdge.get(0).label()).isEqualTo("Ingress");
        assertThat(EdgePreview.label(Edge.LOAD_BALANCER)).isEqualTo("Load balancer");
    }

    @Test
    void generatedObjectsShowTheirObjectAndDroppedOnesNothing() throws Exception {
        ObjectNode ingressClass = (ObjectNode) Yaml.parse("apiVersion: networking.k8s.io/v1\nkind: IngressClass\n"
                + "metadata:\n  name: alb\n");
        Change generate = new Change("gen", Edge.INGRESS, "r", INGRESS, ChangeType.GENERATE, "", "", List.of(),
                ingressClass, List.of());
        Change drop = new Change("drop", Edge.REGISTRY, "r", INGRESS, ChangeType.DROP, "", "", List.of(), null,
                List.of());

        assertThat(EdgePreview.yamlAfter(null, List.of(generate), Edge.INGRESS)).contains("kind: IngressClass");
        assertThat(EdgePreview.yamlAfter(source, List.of(drop), Edge.REGISTRY)).isEmpty();
    }

    @Test
    void reportsAnOperationThatDoesNotApply() {
        List<Change> broken = List.of(change("x", Edge.INGRESS, PatchOp.replace("/spec/nothing", "x")));

        assertThatThrownBy(() -> EdgePreview.yamlAfter(source, broken, Edge.INGRESS))
                .isInstanceOf(JsonPatch.PatchException.class).hasMessageContaining("/spec/nothing");
    }
}
