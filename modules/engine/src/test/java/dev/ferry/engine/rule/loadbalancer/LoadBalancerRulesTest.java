package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LoadBalancerRulesTest {

    private static final String EVERY_AZURE_KEY = """
            apiVersion: v1
            kind: Service
            metadata:
              name: everything
              namespace: shop
              annotations:
                service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                service.beta.kubernetes.io/azure-load-balancer-internal-subnet: apps
                service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.240.0.9
                service.beta.kubernetes.io/azure-load-balancer-ipv6: fd00::9
                service.beta.kubernetes.io/azure-pip-name: pip
                service.beta.kubernetes.io/azure-pip-name-ipv6: pip6
                service.beta.kubernetes.io/azure-pip-prefix-id: prefix
                service.beta.kubernetes.io/azure-pip-prefix-id-ipv6: prefix6
                service.beta.kubernetes.io/azure-load-balancer-resource-group: rg
                service.beta.kubernetes.io/azure-dns-label-name: shop
                service.beta.kubernetes.io/azure-pip-tags: a=b
                service.beta.kubernetes.io/azure-pip-ip-tags: RoutingPreference=Internet
                service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "10"
                service.beta.kubernetes.io/azure-load-balancer-disable-tcp-reset: "true"
                service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: Http
                service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
                service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: "7"
                service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "3"
                service.beta.kubernetes.io/port_80_health-probe_interval: "9"
                service.beta.kubernetes.io/port_80_no_probe_rule: "false"
                service.beta.kubernetes.io/azure-allowed-ip-ranges: 10.0.0.0/8
                service.beta.kubernetes.io/azure-allowed-service-tags: AzureCloud
                service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges: "true"
                service.beta.kubernetes.io/azure-shared-securityrule: "true"
                service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip: "true"
                service.beta.kubernetes.io/azure-load-balancer-enable-high-availability-ports: "true"
                service.beta.kubernetes.io/azure-load-balancer-mode: __auto__
                service.beta.kubernetes.io/azure-additional-public-ips: 1.2.3.4
                service.beta.kubernetes.io/azure-load-balancer-configurations: lb1
                service.beta.kubernetes.io/azure-pls-create: "true"
                service.beta.kubernetes.io/azure-pls-name: pls
            spec:
              type: LoadBalancer
              externalTrafficPolicy: Local
              loadBalancerIP: 10.240.0.9
              ports: [{port: 80}]
            """;

    @Test
    void noAzureAnnotationSurvivesTheEdgeAndRulesDoNotConflict() {
        Proposal proposal = run(RuleHarness.parse(EVERY_AZURE_KEY));
        assertThat(proposal.conflicts()).isEmpty();
        assertThat(proposal.problems()).isEmpty();
        KubeObject service = proposal.proposed().get(0);
        assertThat(service.annotations().keySet())
                .noneMatch(AzureLbAnnotations::isAzureKey)
                .contains("service.beta.kubernetes.io/aws-load-balancer-scheme",
                        "service.beta.kubernetes.io/aws-load-balancer-healthcheck-path",
                        "service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80",
                        "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes");
        assertThat(service.annotations()).containsEntry("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal")
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval", "9");
        assertThat(service.at("/spec/loadBalancerIP").isMissingNode()).isTrue();
        assertThat(service.at("/spec/loadBalancerClass").asText()).isEqualTo("service.k8s.aws/nlb");

        Proposal again = run(proposal.proposed());
        assertThat(again.changes()).noneMatch(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty());
    }

    @Test
    void translatesCorpusAzureVoteFrontToAPublicNlb() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path file = Path.of(corpus, "Azure-Samples__azure-voting-app-redis", "azure-vote-all-in-one-redis.yaml");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.exists(file), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(file));
        assertThat(set.problems()).isEmpty();

        Proposal proposal = run(set.objects());
        assertThat(proposal.conflicts()).isEmpty();
        KubeObject front = proposal.proposed().stream().filter(o -> o.kind().equals("Service")
                && o.name().equals("azure-vote-front")).findFirst().orElseThrow();
        assertThat(front.annotations())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-scheme", "internet-facing")
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip");
        assertThat(front.at("/spec/loadBalancerClass").asText()).isEqualTo("service.k8s.aws/nlb");
        assertThat(proposal.changes()).allMatch(c -> c.resource().name().equals("azure-vote-front"));
    }

    private static Proposal run(List<KubeObject> objects) {
        SanitizedEstate estate = new Sanitizer().sanitize(objects);
        return new RuleRunner(LoadBalancerRules.aksToEks())
                .run(estate, MigrationSettings.empty(Direction.AKS_TO_EKS));
    }
}
