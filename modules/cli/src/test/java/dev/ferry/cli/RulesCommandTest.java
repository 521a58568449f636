package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void listsTheCatalogueByEdgeWithDescriptions() {
        CliRunner result = CliRunner.run("rules");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("registry", "acr-image-to-ecr", "identity", "ingress", "storage",
                "autoscaling", "networking", "monitoring", "settings: registry.map");
    }

    @Test
    void refusesAnUnknownDirection() {
        CliRunner result = CliRunner.run("rules", "--direction", "gke-to-eks");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown direction");
    }
}
