package dev.ferry.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.RuleSet;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Path root = CorpusChecks.corpus().resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(root), "corpus folder " + folder + " is not on this machine");

        ManifestSet input = new ManifestReader().read(List.of(root));
        CorpusChecks.assertProblemsNameTheirPlace(input);

        Proposal proposal = new RuleRunner(RuleSet.builtIn(Direction.AKS_TO_EKS).rules())
                .run(new Sanitizer().sanitize(input.objects()), MigrationSettings.of(Yaml.parse(SETTINGS)));

        assertThat(proposal.problems()).as("engine problems").isEmpty();
        CorpusChecks.assertNoUnexplainedConstruct(proposal, AZURE_CONSTRUCTS);
        CorpusChecks.assertProposedObjectsParse(proposal);
        CorpusChecks.assertPortableObjectsUnchanged(proposal);
    }

}
