package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The EKS → AKS catalogue of the load-balancer edge over the real EKS workshop NLB manifests. */
class LoadBalancerRulesEksToAksTest {

    @Test
    void catalogueRulesAreEksToAksLoadBalancerRules() {
        assertThat(LoadBalancerRules.eksToAks()).extracting(r -> r.info().id()).doesNotHaveDuplicates();
        assertThat(LoadBalancerRules.eksToAks()).allSatisfy(r -> {
            assertThat(r.info().edge()).isEqualTo(Edge.LOAD_BALANCER);
            assertThat(r.info().direction()).isEqualTo(Direction.EKS_TO_AKS);
        });
    }

    @Test
    void translatesTheWorkshopNlbServices() throws IOException {
        for (String relative : List.of("exposing/load-balancer/nlb/nlb.yaml", "networking/securitygroups-for-pods/rds/nlb.yaml")) {
            Path file = corpus("aws-samples__eks-workshop-v2/manifests/modules/" + relative);
            Proposal proposal = run(new Sanitizer().sanitize(new ManifestReader().read(List.of(file)).objects()));
            assertThat(proposal.conflicts()).as("conflicts in %s", file).isEmpty();
            assertThat(proposal.problems()).as("problems in %s", file).isEmpty();
            KubeObject service = proposal.proposed().stream().filter(o -> o.kind().equals("Service")).findFirst().orElseThrow();
            assertThat(service.annotations()).as("%s", file)
                    .containsEntry("service.beta.kubernetes.io/azure-load-balancer-internal", "false")
                    .allSatisfy((k, v) -> assertThat(k).doesNotContain("aws-load-balancer")
                            .isNotEqualTo("service.beta.kubernetes.io/load-balancer-source-ranges"));
            assertThat(service.at("/spec/loadBalancerClass").isMissingNode()).isTrue();
            assertThat(service.at("/spec/loadBalancerSourceRanges").get(0).asText()).isEqualTo("$INBOUND_CIDRS");
            assertThat(NlbFindings.messages(proposal, "Service", service.name(), Severity.ACTION_REQUIRED))
                    .anyMatch(m -> m.contains("unexpanded variable"));
            Proposal second = run(new SanitizedEstate(proposal.proposed(), List.of(), List.of(), List.of()));
            assertThat(second.changes().stream().filter(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty()))
                    .as("catalogue run over its own output").isEmpty();
        }
    }

    private static Path corpus(String relative) {
        Path path = Path.of(System.getProperty("ferry.corpus", "/nonexistent")).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "corpus not present: " + path);
        return path;
    }

    private static Proposal run(SanitizedEstate estate) {
        return new RuleRunner(LoadBalancerRules.eksToAks())
                .run(estate, MigrationSettings.of(Yaml.parse(RuleHarness.EKS_TO_AKS_SETTINGS)));
    }
}
