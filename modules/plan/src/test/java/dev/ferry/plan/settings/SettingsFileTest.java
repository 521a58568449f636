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

    @Test
    void refusesAKnownKeyOfTheWrongShapeInsteadOfFallingBackToADefault() {
        assertThatThrownBy(() -> SettingsFile.parse("s.yaml", "aws: [111122223333, eu-west-1]\n"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("`aws` must be a mapping");
        assertThatThrownBy(() -> SettingsFile.parse("s.yaml", "aws: {accountId: {id: 1}}\n"))
                .hasMessageContaining("`aws.accountId` must be a single value");
        assertThatThrownBy(() -> SettingsFile.parse("s.yaml", "zones: [westeurope-1]\n"))
                .hasMessageContaining("`zones` must be a mapping of names to values");
        assertThatThrownBy(() -> SettingsFile.parse("s.yaml", "direction: [aks-to-eks]\n"))
                .hasMessageContaining("`direction` must be a single value");
    }

    @Test
    void acceptsEveryShapeTheExampleSettingsUse() throws SettingsException {
        assertThat(SettingsFile.parse("s.yaml", """
                identity: {mode: irsa, roleNamePattern: "{cluster}-{namespace}-{serviceAccount}"}
                registry: {map: {shopacr.azurecr.io: 111122223333.dkr.ecr.eu-west-1.amazonaws.com}}
                storage: {classMap: {managed-csi-premium: gp3}, efsFileSystemId: fs-0123}
                zones: {westeurope-1: eu-west-1a}
                aws: ~
                """).warnings()).isEmpty();
    }

    @Test
    void namesAFileThatIsNotUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("settings.yaml"),
                new byte[] {'a', 'w', 's', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> SettingsFile.read(file)).hasMessageContaining("is not valid UTF-8 text");
    }
}
