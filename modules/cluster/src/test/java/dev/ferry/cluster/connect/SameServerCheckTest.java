package dev.ferry.cluster.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SameServerCheckTest {

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private final SameServerCheck check = new SameServerCheck(host -> {
        List<InetAddress> addresses = Map.of(
                "aks.example", List.of(ip("10.0.0.1")),
                "alias.example", List.of(ip("10.0.0.9"), ip("10.0.0.1")),
                "eks.example", List.of(ip("10.0.0.2"))).get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    });

    @Test
    void normalizesCaseDefaultPortsAndTrailingSlashes() {
        assertThat(check.sameServer("https://AKS.example/", "https://aks.example:443")).isTrue();
        assertThat(check.sameServer("http://aks.example", "http://aks.example:80/")).isTrue();
        assertThat(SameServerCheck.normalize("HTTPS://Aks.Example./")).isEqualTo("https://aks.example:443");
    }

    @Test
    void hostsResolvingToACommonAddressAreTheSameServer() {
        assertThat(check.sameServer("https://aks.example", "https://alias.example")).isTrue();
        assertThat(check.sameServer("https://aks.example", "https://eks.example")).isFalse();
    }

    @Test
    void portsPathsAndSchemesTellServersApart() {
        assertThat(check.sameServer("http://127.0.0.1:8001", "http://127.0.0.1:8002")).isFalse();
        assertThat(check.sameServer("https://aks.example/k8s/clusters/a", "https://aks.example/k8s/clusters/b"))
                .isFalse();
        assertThat(check.sameServer("http://aks.example:443", "https://aks.example:443")).isFalse();
    }

    @Test
    void unresolvableDifferentNamesAreNotShownToBeTheSame() {
        assertThat(check.sameServer("https://unknown-a.example", "https://unknown-b.example")).isFalse();
        assertThat(check.sameServer("https://unknown-a.example", "https://unknown-a.example/")).isTrue();
    }
}
