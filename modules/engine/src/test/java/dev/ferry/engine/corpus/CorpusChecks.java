package dev.ferry.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.run.Proposal;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What every corpus run promises, whichever the direction. */
final class CorpusChecks {

    private CorpusChecks() {
    }

    static void assertProblemsNameTheirPlace(ManifestSet input) {
        for (ManifestProblem problem : input.problems()) {
            assertThat(problem.file()).as("problem %s names its file", problem).isNotBlank();
            boolean wholeFile = problem.document() == 0;
            assertThat(wholeFile || problem.line() > 0).as("problem %s names its line", problem).isTrue();
        }
    }

    /** No construct of the source cloud is left in a proposed object unless a finding on that object explains it. */
    static void assertNoUnexplainedConstruct(Proposal proposal, List<String> constructs) {
        Map<ResourceKey, List<Change>> explained = proposal.changes().stream()
                .filter(c -> !c.findings().isEmpty())
                .collect(Collectors.groupingBy(Change::resource));
        List<String> unexplained = new ArrayList<>();
        for (KubeObject object : proposal.proposed()) {
            String text = Yaml.write(object.body());
            for (String construct : constructs) {
                if (text.contains(construct) && !explained.containsKey(object.key())) {
                    unexplained.add(object.key() + " (" + object.origin() + ") still contains " + construct);
                }
            }
        }
        assertThat(unexplained).as("source-cloud constructs left without a finding").isEmpty();
    }

    static void assertProposedObjectsParse(Proposal proposal) {
        String all = proposal.proposed().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        ManifestSet reread = new ManifestReader().readText("proposed.yaml", all);
        assertThat(reread.problems()).isEmpty();
        assertThat(reread.objects()).hasSize(proposal.proposed().size());
    }

    static void assertPortableObjectsUnchanged(Proposal proposal) {
        Map<ResourceKey, KubeObject> proposed = proposal.proposed().stream()
                .collect(Collectors.toMap(KubeObject::key, Function.identity(), (a, b) -> a));
        Set<ResourceKey> checked = new java.util.HashSet<>();
        for (KubeObject source : proposal.source()) {
            if (proposal.isPortable(source.key())) {
                assertThat(proposed).containsKey(source.key());
                assertThat(Yaml.write(proposed.get(source.key()).body()))
                        .as("portable %s", source.key())
                        .isEqualTo(Yaml.write(source.body()));
                checked.add(source.key());
            }
        }
        assertThat(checked.size() + proposal.changes().size()).isPositive();
    }

    /** Relative to the working folder, so messages name corpus files without this machine's absolute paths. */
    static Path corpus() {
        Path root = Path.of(System.getProperty("ferry.corpus", "../../../shared/corpus")).toAbsolutePath().normalize();
        return Path.of("").toAbsolutePath().relativize(root);
    }
}
