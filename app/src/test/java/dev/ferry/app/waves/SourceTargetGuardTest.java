package dev.ferry.app.waves;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.cluster.connect.SameServerCheck;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTargetGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SourceTargetGuard guard = new SourceTargetGuard(new SameServerCheck(
            host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, (byte) (host.startsWith("aks") ? 1 : 2)}))));
    private final ClusterInfo target = new ClusterInfo("shop-eks", "https://eks.example:443", "v1.30", "admin");

    private static JsonNode manifest(String server) throws Exception {
        return JSON.readTree("{\"sourceCluster\": {\"context\": \"shop-aks\", \"server\": \"" + server + "\"}}");
    }

    @Test
    void refusesATargetThatIsTheBundlesRecordedSourceWithNothingElseConnected() throws Exception {
        assertThat(guard.refusal(target, null, manifest("https://eks.example"), "apply"))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("Refusing to apply on shop-eks", "this bundle's source cluster", "shop-aks",
                                "Nothing was written"));
    }

    @Test
    void refusesATargetThatIsTheConnectedSource() throws Exception {
        assertThat(guard.refusal(target, "https://eks.example:443/", manifest("https://aks.example"), "roll back"))
                .hasValueSatisfying(message -> assertThat(message).contains("Refusing to roll back",
                        "the connected source cluster"));
    }

    @Test
    void letsAnotherClusterThrough() throws Exception {
        assertThat(guard.refusal(target, "https://aks.example", manifest("https://aks.example"), "apply")).isEmpty();
        assertThat(guard.refusal(target, null, JSON.readTree("{}"), "apply")).isEmpty();
    }
}
