package dev.ferry.plan.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.Direction;
import org.junit.jupiter.api.Test;

class SettingsFileTest {

    @Test
    void readsTheDesignsSettings() throws SettingsException {
        SettingsFile.Loaded loaded = SettingsFile.parse("settings.yaml", """
                direction: aks-to-eks
                aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
                identity: {mode: irsa}
                zones: {westeurope-1: eu-west-1a}
                """);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.settings().direction()).isEqualTo(Direction.AKS_TO_EKS);
        assertThat(loaded.settings().text("aws.accountId")).contains("111122223333");
        assertThat(loaded.settings().map("zones")).containsEntry("westeurope-1", "eu-west-1a");
    }

    @Test
    void namesFileAndLineOfMalformedSettings() {
        assertThatThrownBy(() -> SettingsFile.parse("settings.yaml", "direction: aks-to-eks\naws:\n  region: [eu\n"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("settings.yaml:");
        assertThatThrownBy(() -> SettingsFile.parse("settings.yaml", "aws: {}\naws: {}\n"))
                .hasMessageContaining("settings.yaml:2").hasMessageContaining("duplicate key `aws`");
    }

    @Test
    void refusesAnUnknownDirection() {
        assertThatThrownBy(() -> SettingsFile.parse("s.yaml", "direction: gke-to-eks\n"))
                .hasMessageContaining("unknown direction");
    }

    @Test
    void warnsAboutUnknownKeysSoTyposAreNotSilent() throws SettingsException {
        SettingsFile.Loaded loaded = SettingsFile.parse("s.yaml", "aws: {acountId: '1'}\nzonez: {}\n");
        assertThat(loaded.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("aws.acountId"))
                .anySatisfy(w -> assertThat(w).contains("zonez"));
    }

    @Test
    void emptyFileMeansDefaults() throws SettingsException {
        assertThat(SettingsFile.parse("s.yaml", "# nothing yet\n").settings().direction())
                .isEqualTo(Direction.AKS_TO_EKS);
    }
}
