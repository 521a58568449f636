package dev.ferry.plan.waves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApplyOrderTest {

    private static ResourceKey key(String apiVersion, String kind, String namespace, String name) {
        return ResourceKey.of(apiVersion, kind, namespace, name);
    }

    /** earlier, later: each pair must sort in this order whatever the input order. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(key("v1", "Namespace", "", "shop"),
                        key("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "x.example.com")),
                Arguments.of(key("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "x.example.com"),
                        key("storage.k8s.io/v1", "StorageClass", "", "gp3")),
                Arguments.of(key("karpenter.k8s.aws/v1", "EC2NodeClass", "", "default"),
                        key("karpenter.sh/v1", "NodePool", "", "general")),
                Arguments.of(key("scheduling.k8s.io/v1", "PriorityClass", "", "high"),
                        key("v1", "ServiceAccount", "shop", "api")),
                Arguments.of(key("rbac.authorization.k8s.io/v1", "Role", "shop", "r"),
                        key("rbac.authorization.k8s.io/v1", "RoleBinding", "shop", "r")),
                Arguments.of(key("rbac.authorization.k8s.io/v1", "RoleBinding", "shop", "r"),
                        key("v1", "ConfigMap", "shop", "cfg")),
                Arguments.of(key("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass", "shop", "kv"),
                        key("v1", "PersistentVolumeClaim", "shop", "data")),
                Arguments.of(key("external-secrets.io/v1beta1", "SecretStore", "shop", "aws"),
                        key("v1", "PersistentVolumeClaim", "shop", "data")),
                Arguments.of(key("v1", "PersistentVolumeClaim", "shop", "data"), key("v1", "Service", "shop", "api")),
                Arguments.of(key("v1", "Service", "shop", "api"), key("apps/v1", "Deployment", "shop", "api")),
                Arguments.of(key("apps/v1", "StatefulSet", "shop", "db"),
                        key("networking.k8s.io/v1", "Ingress", "shop", "web")),
                Arguments.of(key("batch/v1", "CronJob", "shop", "report"),
                        key("networking.k8s.io/v1", "Ingress", "shop", "web")),
                Arguments.of(key("networking.k8s.io/v1", "Ingress", "shop", "web"),
                        key("autoscaling/v2", "HorizontalPodAutoscaler", "shop", "api")),
                Arguments.of(key("policy/v1", "PodDisruptionBudget", "shop", "api"),
                        key("monitoring.coreos.com/v1", "ServiceMonitor", "shop", "api")),
                Arguments.of(key("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.com"),
                        key("example.com/v1", "Widget", "shop", "w")),
                Arguments.of(key("v1", "ConfigMap", "a", "z"), key("v1", "ConfigMap", "b", "a")),
                Arguments.of(key("v1", "ConfigMap", "a", "a"), key("v1", "ConfigMap", "a", "b")));
    }

    @ParameterizedTest(name = "{0} before {1}")
    @MethodSource("pairs")
    void ordersByKindThenNamespaceThenName(ResourceKey earlier, ResourceKey later) {
        assertThat(ApplyOrder.KEYS.compare(earlier, later)).isNegative();
        assertThat(ApplyOrder.KEYS.compare(later, earlier)).isPositive();
    }

    @Test
    void putsEveryOtherKindAfterTheKnownOnes() {
        assertThat(ApplyOrder.rank(key("example.com/v1", "Widget", "shop", "w")))
                .isGreaterThan(ApplyOrder.rank(key("networking.k8s.io/v1", "NetworkPolicy", "shop", "p")));
        assertThat(ApplyOrder.known("Widget")).isFalse();
    }

    @Test
    void sortingIsTheSameWhateverTheInputOrder() {
        List<ResourceKey> keys = new ArrayList<>();
        pairs().forEach(a -> {
            keys.add((ResourceKey) a.get()[0]);
            keys.add((ResourceKey) a.get()[1]);
        });
        List<ResourceKey> sorted = keys.stream().distinct().sorted(ApplyOrder.KEYS).toList();
        List<ResourceKey> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(shuffled.stream().sorted(ApplyOrder.KEYS).toList()).isEqualTo(sorted);
        assertThat(sorted.get(0).kind()).isEqualTo("Namespace");
        assertThat(sorted.get(sorted.size() - 1).kind()).isIn("Widget", "ServiceMonitor");
    }
}
