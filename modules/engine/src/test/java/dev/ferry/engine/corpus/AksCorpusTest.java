package dev.ferry.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.RuleSet;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every AKS manifest of the shared corpus through the whole AKS → EKS catalogue, folder by folder, and checks
 * what DESIGN.md promises: no crash, unreadable documents reported with file and line, no Azure construct left in
 * the proposed objects unless a finding on that object explains it, proposed objects that parse, and portable
 * objects carried byte for byte.
 */
class AksCorpusTest {

    /** Kept in step with the corpus README (side: AKS). */
    static Stream<String> aksFolders() {
        return Stream.of("Azure-Samples__aks-store-demo", "Azure__application-gateway-kubernetes-ingress",
                "Azure__azure-workload-identity", "kubernetes-sigs__azuredisk-csi-driver",
                "kubernetes-sigs__azurefile-csi-driver", "Azure__secrets-store-csi-driver-provider-azure",
                "Azure-Samples__azure-voting-app-redis", "Azure__AKS-Construction", "Azure__aad-pod-identity",
                "Azure-Samples__aks-event-driven-replicate-from-aws", "Azure__karpenter-provider-azure");
    }

    private static final List<String> AZURE_CONSTRUCTS = List.of("azurecr.io", "appgw.ingress.kubernetes.io",
            "azure.workload.identity", "aadpodidbinding", "service.beta.kubernetes.io/azure-", "disk.csi.azure.com",
            "file.csi.azure.com");

    private static final String SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: corpus-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
            storage: {efsFileSystemId: fs-0123456789abcdef0}
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
            """;

    @ParameterizedTest
    @MethodSource("aksFolders")
    void translatesTheFolderAsPromised(String folder) {
        Path root = corpus().resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(root), "corpus folder " + folder + " is not on this machine");

        ManifestSet input = new ManifestReader().read(List.of(root));
        for (ManifestProblem problem : input.problems()) {
            assertThat(problem.file()).as("problem %s names its file", problem).isNotBlank();
            boolean wholeFile = problem.document() == 0;
            assertThat(wholeFile || problem.line() > 0).as("problem %s names its line", problem).isTrue();
        }

        Proposal proposal = new RuleRunner(RuleSet.builtIn(Direction.AKS_TO_EKS).rules())
                .run(new Sanitizer().sanitize(input.objects()), MigrationSettings.of(Yaml.parse(SETTINGS)));

        assertThat(proposal.problems()).as("engine problems").isEmpty();
        assertNoUnexplainedAzureConstruct(proposal);
        assertProposedObjectsParse(proposal);
        assertPortableObjectsUnchanged(proposal);
    }

    private static void assertNoUnexplainedAzureConstruct(Proposal proposal) {
        Map<ResourceKey, List<Change>> explained = proposal.changes().stream()
                .filter(c -> !c.findings().isEmpty())
                .collect(Collectors.groupingBy(Change::resource));
        List<String> unexplained = new ArrayList<>();
        for (KubeObject object : proposal.proposed()) {
            String text = Yaml.write(object.body());
            for (String construct : AZURE_CONSTRUCTS) {
                if (text.contains(construct) && !explained.containsKey(object.key())) {
                    unexplained.add(object.key() + " (" + object.origin() + ") still contains " + construct);
                }
            }
        }
        assertThat(unexplained).as("Azure constructs left without a finding").isEmpty();
    }

    private static void assertProposedObjectsParse(Proposal proposal) {
        String all = proposal.proposed().stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        ManifestSet reread = new ManifestReader().readText("proposed.yaml", all);
        assertThat(reread.problems()).isEmpty();
        assertThat(reread.objects()).hasSize(proposal.proposed().size());
    }

    private static void assertPortableObjectsUnchanged(Proposal proposal) {
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
    private static Path corpus() {
        Path root = Path.of(System.getProperty("ferry.corpus", "../../../shared/corpus")).toAbsolutePath().normalize();
        return Path.of("").toAbsolutePath().relativize(root);
    }
}
