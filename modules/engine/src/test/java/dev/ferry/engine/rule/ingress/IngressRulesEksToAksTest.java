package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Severity;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The EKS → AKS catalogue of the ingress edge, over a full ALB Ingress and the real EKS corpus manifests. */
class IngressRulesEksToAksTest {

    @Test
    void catalogueRulesAreEksToAksIngressRulesWithUniqueIds() {
        List<Rule> rules = IngressRules.eksToAks();
        assertThat(rules).extracting(r -> r.info().id()).doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.info().edge()).isEqualTo(Edge.INGRESS);
            assertThat(r.info().direction()).isEqualTo(Direction.EKS_TO_AKS);
        });
        assertThat(rules).extracting(r -> r.info().id())
                .doesNotContainAnyElementsOf(IngressRules.aksToEks().stream().map(r -> r.info().id()).toList());
    }

    @Test
    void translatesTheWorkshopExternalDnsIngress() throws IOException {
        Path file = corpus("aws-samples__eks-workshop-v2/manifests/modules/exposing/ingress/external-dns/ingress.yaml");
        Proposal proposal = run(new Sanitizer().sanitize(RuleHarness.parse(Files.readString(file))));
        KubeObject ingress = proposal.proposed().stream().filter(o -> o.kind().equals("Ingress")).findFirst().orElseThrow();
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("azure-application-gateway");
        assertThat(ingress.annotations()).containsEntry("appgw.ingress.kubernetes.io/health-probe-path",
                        "/actuator/health/liveness")
                .containsEntry("external-dns.alpha.kubernetes.io/hostname", "ui.retailstore.com")
                .containsEntry("appgw.ingress.kubernetes.io/use-private-ip", "false")
                .allSatisfy((k, v) -> assertThat(k).doesNotStartWith("alb.ingress.kubernetes.io/"));
        assertThat(proposal.proposed()).anyMatch(o -> o.kind().equals("IngressClass")
                && o.name().equals("azure-application-gateway"));
        assertThat(proposal.changes().stream().filter(c -> c.resource().kind().equals("Ingress"))
                .flatMap(c -> c.findings().stream()).filter(f -> f.severity() == Severity.WARNING))
                .anyMatch(f -> f.message().contains("inbound-cidrs"));
        assertThat(proposal.conflicts()).isEmpty();
        assertIdempotent(proposal);
    }

    @Test
    void leavesNoAlbAnnotationOnAnyCorpusIngress() throws IOException {
        Path root = corpus("aws-samples__eks-workshop-v2/manifests");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int translated = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            if (!text.contains("kind: Ingress")) {
                continue;
            }
            ManifestSet set = new ManifestReader().readText(file.toString(), text);
            Proposal proposal = run(new Sanitizer().sanitize(set.objects()));
            assertThat(proposal.conflicts()).as("conflicts in %s", file).isEmpty();
            assertThat(proposal.problems()).as("problems in %s", file).isEmpty();
            for (KubeObject object : proposal.proposed()) {
                if (IngressControllers.isIngress(object)
                        && "azure-application-gateway".equals(object.at("/spec/ingressClassName").asText())) {
                    translated++;
                    assertThat(object.annotations().keySet()).as("annotations of %s in %s", object, file)
                            .noneMatch(k -> k.startsWith("alb.ingress.kubernetes.io/"));
                }
                assertThat(object.kind()).isNotEqualTo("IngressClassParams");
            }
            assertIdempotent(proposal);
        }
        assertThat(translated).as("ALB Ingresses moved to AGIC across the workshop").isGreaterThan(5);
    }

    private static Path corpus(String relative) {
        Path path = Path.of(System.getProperty("ferry.corpus", "/nonexistent")).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "corpus not present: " + path);
        return path;
    }

    private static Proposal run(SanitizedEstate estate) {
        return new RuleRunner(IngressRules.eksToAks())
                .run(estate, MigrationSettings.of(Yaml.parse(RuleHarness.EKS_TO_AKS_SETTINGS)));
    }

    private static void assertIdempotent(Proposal first) {
        Proposal second = run(new SanitizedEstate(first.proposed(), List.of(), List.of(), List.of()));
        assertThat(second.changes().stream().filter(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty())
                .map(c -> c.rule() + " " + c.resource() + " " + c.patch()))
                .as("catalogue run over its own output").isEmpty();
    }
}
