package dev.ferry.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/settings.md} is the reference of every settings key per direction, generated from {@link
 * SettingsCatalog} and the rules that read each key: this test fails when they drift apart, and when a rule reads a
 * key the catalogue does not document. Regenerate with {@code ./mvnw -q -pl modules/engine -am test
 * -Dtest=SettingsReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dferry.updateDocs=true}.
 */
class SettingsReferenceTest {

    private static final Path REFERENCE = Path.of("../../docs/settings.md");

    static String render() {
        StringBuilder text = new StringBuilder("""
                # `settings.yaml` reference

                Generated from the settings catalogue and the rules that read each key by `SettingsReferenceTest`; do
                not edit by hand. `direction` picks the catalogue (`ferry propose --direction` overrides it). Every
                other key is optional. When a key is missing, Ferry uses the default shown; where there is none,
                each rule that needs the key leaves a visible placeholder in the proposed object and reports an
                action-required finding that names the key, so nothing is silently guessed. Unknown keys are
                reported. Maps are written as YAML mappings; examples: `examples/`.
                """);
        for (Direction direction : Direction.values()) {
            text.append("\n## `").append(direction.id()).append("`\n\n")
                    .append("| key | what it is for | when missing | example | read by |\n")
                    .append("|---|---|---|---|---|\n");
            for (SettingKey key : SettingsCatalog.keys(direction)) {
                text.append("| `").append(key.path()).append("` | ").append(cell(key.description())).append(" | ")
                        .append(key.defaultValue().isEmpty() ? "placeholder + action-required finding"
                                : "default: " + cell(key.defaultValue()))
                        .append(" | `").append(key.example().replace("|", "\\|")).append("` | ")
                        .append(readers(direction, key.path())).append(" |\n");
            }
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String readers(Direction direction, String key) {
        if (key.equals("direction")) {
            return "the runner";
        }
        String rules = rules(direction).stream()
                .filter(rule -> rule.info().settings().stream().anyMatch(read -> covers(key, read)))
                .map(rule -> "`" + rule.info().id() + "`")
                .collect(Collectors.joining(", "));
        return rules.isEmpty() ? "—" : rules;
    }

    /** A rule that reads {@code aws} reads every {@code aws.*} key; one that reads {@code aws.region} reads that. */
    private static boolean covers(String key, String read) {
        return key.equals(read) || key.startsWith(read + ".");
    }

    private static List<Rule> rules(Direction direction) {
        return RuleCatalog.forDirection(direction);
    }

    @Test
    void theReferenceMatchesTheCatalogue() throws Exception {
        String rendered = render();
        if (Boolean.getBoolean("ferry.updateDocs")) {
            Files.writeString(REFERENCE, rendered);
        }
        assertThat(REFERENCE).as("docs/settings.md is stale; regenerate it (see this test's Javadoc)")
                .hasContent(rendered);
    }

    @Test
    void everyKeyARuleReadsIsDocumentedForItsDirection() {
        for (Direction direction : Direction.values()) {
            Set<String> documented = SettingsCatalog.keys(direction).stream().map(SettingKey::path)
                    .collect(Collectors.toSet());
            Set<String> undocumented = new TreeSet<>();
            for (Rule rule : rules(direction)) {
                for (String read : rule.info().settings()) {
                    if (documented.stream().noneMatch(key -> covers(key, read))) {
                        undocumented.add(read + " (" + rule.info().id() + ")");
                    }
                }
            }
            assertThat(undocumented).as("settings read by %s rules but missing from SettingsCatalog", direction)
                    .isEmpty();
        }
    }
}
