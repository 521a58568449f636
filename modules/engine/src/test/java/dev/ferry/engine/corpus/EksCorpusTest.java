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
 * Runs every EKS manifest of the shared corpus through the whole EKS → AKS catalogue, folder by folder, and checks
 * what DESIGN.md promises: no crash, unreadable documents reported with file and line, no AWS construct left in
 * the proposed objects unless a finding on that object explains it, proposed objects that parse, and portable
 * objects carried byte for byte.
 */
class EksCorpusTest {

    /** Kept in step with the corpus README (side: EKS). */
    static Stream<String> eksFolders() {
        return Stream.of("aws-samples__eks-workshop-v2", "aws__karpenter-provider-aws",
                "aws__secrets-store-csi-driver-provider-aws", "kubernetes-sigs__aws-ebs-csi-driver",
                "kubernetes-sigs__aws-efs-csi-driver", "kubernetes-sigs__aws-load-balancer-controller");
    }

    /** The list: none of these may remain in a proposed object unless a finding explains why. */
    private static final List<String> AWS_CONSTRUCTS = List.of("dkr.ecr.", "eks.amazonaws.com/",
            "alb.ingress.kubernetes.io", "service.beta.kubernetes.io/aws-load-balancer", "ebs.csi.aws.com",
            "efs.csi.aws.com", "karpenter.k8s.aws");

    private static final String SETTINGS = """
            direction: eks-to-aks
            azure: {subscriptionId: 00000000-0000-0000-0000-000000000001, tenantId: 00000000-0000-0000-0000-000000000002,
                    resourceGroup: corpus-rg, location: westeurope, clusterName: corpus-aks}
            registry: {acrLoginServer: corpusacr.azurecr.io}
            keyVault: {names: {"*": corpus-kv}}
            zones: {us-west-2a: westus2-1, us-west-2b: westus2-2, us-west-2c: westus2-3,
                    eu-west-1a: westeurope-1, eu-west-1b: westeurope-2, eu-west-1c: westeurope-3}
            """;

    @ParameterizedTest
    @MethodSource("eksFolders")
    void translatesTheFolderAsPromised(String folder) {
        Path root = CorpusChecks.corpus().resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(root), "corpus folder " + folder + " is not on this machine");

        ManifestSet input = new ManifestReader().read(List.of(root));
        CorpusChecks.assertProblemsNameTheirPlace(input);

        Proposal proposal = new RuleRunner(RuleSet.builtIn(Direction.EKS_TO_AKS).rules())
                .run(new Sanitizer().sanitize(input.objects()), MigrationSettings.of(Yaml.parse(SETTINGS)));

        assertThat(proposal.problems()).as("engine problems").isEmpty();
        CorpusChecks.assertNoUnexplainedConstruct(proposal, AWS_CONSTRUCTS);
        CorpusChecks.assertProposedObjectsParse(proposal);
        CorpusChecks.assertPortableObjectsUnchanged(proposal);
    }

}
