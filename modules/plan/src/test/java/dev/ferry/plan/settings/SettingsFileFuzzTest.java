package dev.ferry.plan.settings;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the settings reader with the design's settings.yaml mutated: characters flipped, text cut, YAML's sharp
 * edges inserted. The property: it returns settings (with warnings) or throws its one checked exception, whose
 * message names the file; nothing else escapes. Budget: jqwik's tries ({@code junit-platform.properties}).
 */
class SettingsFileFuzzTest {

    private static final String SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE, roleNamePattern: "{cluster}-{namespace}-{serviceAccount}"}
            registry:
              map:
                shopacr.azurecr.io: 111122223333.dkr.ecr.eu-west-1.amazonaws.com
            ingress: {controller: alb, certificates: {shop-tls: "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"}}
            storage: {classMap: {managed-csi-premium: gp3}, efsFileSystemId: fs-0123}
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b}
            """;

    @Property
    void readsOrRefusesNamingTheFile(@ForAll("brokenSettings") String text) {
        try {
            SettingsFile.Loaded loaded = SettingsFile.parse("settings.yaml", text);
            assertThat(loaded.settings()).isNotNull();
            loaded.warnings().forEach(w -> assertThat(w).startsWith("settings.yaml"));
        } catch (SettingsException e) {
            assertThat(e.getMessage()).startsWith("settings.yaml").doesNotContain("Exception", "org.yaml");
        }
    }

    @Provide
    Arbitrary<String> brokenSettings() {
        Arbitrary<String> edge = Arbitraries.of("&a ", "*a", "<<: *a\n", "!!binary ", "\t", "\u0007", "\uFEFF", "---\n",
                "{", "}", "[", "]", ": ", "- ", "\"", "'", "direction: ", "aws: ", "zones: ", "[x]", "{a: {b: c}}",
                "~", "\n", "  ", "[".repeat(500));
        return Combinators.combine(Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(6),
                        edge.list().ofSize(6), Arbitraries.integers().between(0, 2).list().ofSize(6))
                .as((wheres, edges, kinds) -> {
                    String text = SETTINGS;
                    // each step inserts an edge (0), cuts the text (1) or flips a character (2)
                    for (int i = 0; i < wheres.size(); i++) {
                        int at = (int) Math.round(wheres.get(i) * text.length());
                        text = switch (kinds.get(i)) {
                            case 0 -> text.substring(0, at) + edges.get(i) + text.substring(at);
                            case 1 -> text.substring(0, at);
                            default -> at >= text.length() ? text
                                    : text.substring(0, at) + (char) (text.charAt(at) ^ 0x21) + text.substring(at + 1);
                        };
                    }
                    return text;
                });
    }
}
