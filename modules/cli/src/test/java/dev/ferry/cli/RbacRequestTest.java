package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The test's reading of requests must match Kubernetes', or the role check would prove the wrong thing. */
class RbacRequestTest {

    @Test
    void readsResourceRequestsTheWayTheApiServerDoes() {
        assertThat(RbacRequest.of("GET", "/api/v1/namespaces/shop/secrets", false))
                .isEqualTo(new RbacRequest("", "secrets", List.of("list")));
        assertThat(RbacRequest.of("GET", "/apis/apps/v1/namespaces/shop/deployments/web", false))
                .isEqualTo(new RbacRequest("apps", "deployments", List.of("get")));
        assertThat(RbacRequest.of("GET", "/api/v1/pods", true).verbs()).containsExactly("watch");
        assertThat(RbacRequest.of("GET", "/api/v1/namespaces/shop", false))
                .isEqualTo(new RbacRequest("", "namespaces", List.of("get")));
        assertThat(RbacRequest.of("PUT", "/apis/apps/v1/namespaces/shop/deployments/web/status", false))
                .isEqualTo(new RbacRequest("apps", "deployments/status", List.of("update")));
        assertThat(RbacRequest.of("PATCH", "/apis/karpenter.sh/v1/nodepools/spot", false,
                "application/apply-patch+yaml")).isEqualTo(new RbacRequest("karpenter.sh", "nodepools",
                List.of("patch", "create")));
        assertThat(RbacRequest.of("DELETE", "/api/v1/namespaces/shop/configmaps", false).verbs())
                .containsExactly("deletecollection");
    }

    @Test
    void readsDiscoveryAsNonResourceUrls() {
        assertThat(RbacRequest.of("GET", "/apis/apps/v1", false).resource()).isNull();
        assertThat(RbacRequest.of("GET", "/api", false).resource()).isNull();
        assertThat(RbacRequest.of("GET", "/version", false)).isEqualTo(new RbacRequest(null, null,
                List.of("get")));
    }

    @Test
    void aRuleAllowsByGroupResourceAndVerbAndUrlsByPrefix() {
        RbacRule read = RbacRule.resources(List.of("*"), List.of("*"),
                List.of("get", "list"));
        RbacRule discovery = RbacRule.urls(RbacRule.DISCOVERY, List.of("get"));

        assertThat(read.allows("list", "apps", "deployments")).isTrue();
        assertThat(read.allows("patch", "apps", "deployments")).isFalse();
        assertThat(discovery.allowsUrl("get", "/apis/apps/v1")).isTrue();
        assertThat(discovery.allowsUrl("get", "/openapi/v3")).isFalse();
        assertThat(discovery.allowsUrl("post", "/api")).isFalse();
    }
}
