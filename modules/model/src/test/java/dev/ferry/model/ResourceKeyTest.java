package dev.ferry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.junit.jupiter.api.Test;

class ResourceKeyTest {

    @Test
    void theApiVersionDoesNotMakeAnotherObjectButTheGroupDoes() {
        ResourceKey v1 = ResourceKey.of("autoscaling/v1", "HorizontalPodAutoscaler", "shop", "web");
        ResourceKey v2 = ResourceKey.of("autoscaling/v2", "HorizontalPodAutoscaler", "shop", "web");
        ResourceKey otherGroup = ResourceKey.of("autoscaler/v2", "HorizontalPodAutoscaler", "shop", "web");
        ResourceKey prefixGroup = ResourceKey.of("autoscalingx/v2", "HorizontalPodAutoscaler", "shop", "web");

        assertThat(v1).isEqualTo(v2).hasSameHashCodeAs(v2);
        assertThat(v1).isNotEqualTo(otherGroup).isNotEqualTo(prefixGroup);
        assertThat(ResourceKey.of("v1", "Service", "shop", "web"))
                .isNotEqualTo(ResourceKey.of("x/v1", "Service", "shop", "web"))
                .isEqualTo(ResourceKey.of("v1", "Service", "shop", "web"));
    }

    @Test
    void hashesAsTheFourFieldsThatMakeItEqual() {
        for (ResourceKey key : new ResourceKey[] {
                ResourceKey.of("apps/v1", "Deployment", "shop", "web"),
                ResourceKey.of("v1", "Namespace", null, "shop"),
                ResourceKey.of("networking.k8s.io/v1", "Ingress", "shop", "storefront")}) {
            assertThat(key.hashCode()).isEqualTo(Objects.hash(key.kind(), key.namespace(), key.name(), key.group()));
        }
    }
}
