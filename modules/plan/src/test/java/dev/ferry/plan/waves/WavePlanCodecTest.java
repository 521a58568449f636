package dev.ferry.plan.waves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.BundleException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WavePlanCodecTest {

    private final WavePlanCodec codec = new WavePlanCodec();

    @Test
    void readsBackWhatItWrites() throws BundleException {
        WavePlan plan = new WavePlanner().auto(SmallEstate.objects())
                .move(Set.of(ResourceKey.of("v1", "ConfigMap", "alpha", "web-config")), 6)
                .rename(6, "late config: \"quoted\" # not a comment");

        WavePlan read = codec.read("plan.yaml", codec.write(plan));

        assertThat(read).isEqualTo(plan);
        assertThat(read.members()).extracting(ResourceKey::apiVersion)
                .containsExactlyElementsOf(plan.members().stream().map(ResourceKey::apiVersion).toList());
    }

    @Test
    void writesReadableYaml() {
        WavePlan plan = new WavePlan(java.util.List.of(
                new Wave(0, "platform", WaveKind.PLATFORM,
                        java.util.List.of(ResourceKey.of("storage.k8s.io/v1", "StorageClass", "", "gp3"))),
                new Wave(1, "namespace shop", WaveKind.STATELESS,
                        java.util.List.of(ResourceKey.of("apps/v1", "Deployment", "shop", "api")))));

        assertThat(codec.write(plan)).endsWith("""
                waves:
                  - number: 0
                    name: platform
                    kind: platform
                    members:
                      - apiVersion: storage.k8s.io/v1
                        resource: StorageClass/gp3
                  - number: 1
                    name: namespace shop
                    kind: stateless
                    members:
                      - apiVersion: apps/v1
                        resource: Deployment/shop/api
                """);
    }

    static Stream<Arguments> malformed() {
        String wave0 = "waves:\n  - {number: 0, name: platform, kind: platform, members: []}\n";
        return Stream.of(
                Arguments.of("waves: [", "plan.yaml is not valid YAML"),
                Arguments.of("stages: []", "plan.yaml has no `waves` list"),
                Arguments.of("waves: []\nextra: 1", "plan.yaml has an unknown key `extra`"),
                Arguments.of("waves:\n  - just text", "plan.yaml, wave entry 1 is not a mapping"),
                Arguments.of("waves:\n  - {number: 1, name: a, kind: custom}",
                        "plan.yaml, wave entry 1 has number 1 but is wave 0 by position"),
                Arguments.of("waves:\n  - {number: zero, name: a, kind: custom}",
                        "plan.yaml, wave entry 1 has no whole `number`"),
                Arguments.of("waves:\n  - {number: 0, kind: custom}", "plan.yaml, wave entry 1 has no `name`"),
                Arguments.of("waves:\n  - {number: 0, name: a, kind: big}",
                        "plan.yaml, wave 0 (`a`): unknown wave kind `big`; use platform, stateless, stateful or custom"),
                Arguments.of("waves:\n  - {number: 0, name: a, kind: custom, colour: red}",
                        "plan.yaml, wave entry 1 has an unknown key `colour`; allowed: kind, members, name, number"),
                Arguments.of("waves:\n  - {number: 0, name: a, kind: custom, members: x}",
                        "plan.yaml, wave 0 (`a`): `members` is not a list"),
                Arguments.of(wave0 + "  - {number: 1, name: shop, kind: stateless, members: [{resource: Deployment/shop/api}]}",
                        "plan.yaml, wave 1 (`shop`), member 1 has no `apiVersion`"),
                Arguments.of(wave0 + "  - {number: 1, name: shop, kind: stateless, members: "
                                + "[{apiVersion: v1, resource: a/b/c/d}]}",
                        "plan.yaml, wave 1 (`shop`), member 1: resource `a/b/c/d` is not Kind/namespace/name"),
                Arguments.of(wave0 + "  - {number: 1, name: shop, kind: stateless, members: "
                                + "[{apiVersion: v1, resource: ConfigMap//x}]}",
                        "resource `ConfigMap//x` is not Kind/namespace/name"),
                Arguments.of(wave0 + "  - {number: 1, name: shop, kind: stateless, members: "
                                + "[{apiVersion: v1, resource: ConfigMap/shop/x, wave: 3}]}",
                        "plan.yaml, wave 1 (`shop`), member 1 has an unknown key `wave`"),
                Arguments.of("waves:\n  - {number: 0, name: a, kind: platform, members: "
                                + "[{apiVersion: v1, resource: ConfigMap/shop/x}]}\n"
                                + "  - {number: 1, name: b, kind: custom, members: "
                                + "[{apiVersion: v1, resource: ConfigMap/shop/y}, {apiVersion: v1, resource: ConfigMap/shop/x}]}",
                        "plan.yaml, wave 1 (`b`), member 2: ConfigMap shop/x is already in wave 0"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void rejectsMalformedPlansNamingTheFileAndEntry(String text, String message) {
        assertThatThrownBy(() -> codec.read("plan.yaml", text))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsAPlanWithoutMembers() throws BundleException {
        WavePlan plan = codec.read("plan.yaml", "waves:\n  - {number: 0, name: platform, kind: platform}\n");

        assertThat(plan.waves()).singleElement().satisfies(w -> assertThat(w.members()).isEmpty());
    }
}
