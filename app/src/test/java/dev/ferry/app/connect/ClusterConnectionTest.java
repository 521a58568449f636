package dev.ferry.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterConnectionTest {

    private static ClusterConnection connection(String context, String server) {
        return new ClusterConnection(Path.of("kubeconfig"), context, server, "admin", Optional.empty());
    }

    @Test
    void flagsATargetThatLooksLikeProductionByContextOrServer() {
        assertThat(connection("eks-prod-eu", "https://a.example").looksLikeProduction()).isTrue();
        assertThat(connection("eks", "https://api.production.example").looksLikeProduction()).isTrue();
        assertThat(connection("shop-prd", "https://a.example").looksLikeProduction()).isTrue();
    }

    @Test
    void doesNotFlagWordsThatMerelyContainProd() {
        assertThat(connection("product-team-dev", "https://a.example").looksLikeProduction()).isFalse();
        assertThat(connection("staging", "https://reproduce.example").looksLikeProduction()).isFalse();
    }

    @Test
    void recognisesTheSameServerDespiteTrailingSlashAndDefaultPort() {
        assertThat(connection("a", "https://api.example:443/").sameServerAs(connection("b", "https://API.example")))
                .isTrue();
        assertThat(connection("a", "https://one.example").sameServerAs(connection("b", "https://two.example")))
                .isFalse();
    }
}
