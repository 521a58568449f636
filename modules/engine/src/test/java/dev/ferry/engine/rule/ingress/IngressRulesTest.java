package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The whole AKS → EKS catalogue of the ingress edge, over fixtures and the real corpus manifests. */
class IngressRulesTest {

    private static final String SETTINGS = RuleHarness.DEFAULT_SETTINGS + """
            ingress:
              certificates: {shop-cert: "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"}
            """;

    @Test
    void catalogueRulesHaveUniqueIdsAndBelongToTheIngressEdge() {
        List<Rule> rules = IngressRules.aksToEks();
        assertThat(rules).extracting(r -> r.info().id()).doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(r -> assertThat(r.info().edge()).isEqualTo(Edge.INGRESS));
    }

    @Test
    void translatesAFullAgicIngressWithoutConflicts() {
        Proposal proposal = run("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: azure-application-gateway}
                spec: {controller: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: shop
                  annotations:
                    kubernetes.io/ingress.class: azure/application-gateway
                    appgw.ingress.kubernetes.io/ssl-redirect: "true"
                    appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert
                    appgw.ingress.kubernetes.io/use-private-ip: "true"
                    appgw.ingress.kubernetes.io/backend-protocol: https
                    appgw.ingress.kubernetes.io/health-probe-path: /healthz
                    appgw.ingress.kubernetes.io/cookie-based-affinity: "true"
                    appgw.ingress.kubernetes.io/connection-draining: "true"
                    appgw.ingress.kubernetes.io/request-timeout: "120"
                    appgw.ingress.kubernetes.io/backend-path-prefix: /
                    appgw.ingress.kubernetes.io/waf-policy-for-path: /subscriptions/x/providers/Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies/waf
                    appgw.ingress.kubernetes.io/not-a-real-key: "1"
                    owner: shop-team
                spec:
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: front, port: {number: 443}}}
                """, SETTINGS);
        assertThat(proposal.conflicts()).isEmpty();
        assertThat(proposal.problems()).isEmpty();
        assertThat(render(proposal.proposed())).isEqualTo(render(RuleHarness.parse("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: alb}
                spec: {controller: ingress.k8s.aws/alb}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: shop
                  annotations:
                    owner: shop-team
                    alb.ingress.kubernetes.io/scheme: internal
                    alb.ingress.kubernetes.io/target-type: ip
                    alb.ingress.kubernetes.io/healthcheck-path: /healthz
                    alb.ingress.kubernetes.io/success-codes: "200-399"
                    alb.ingress.kubernetes.io/backend-protocol: HTTPS
                    alb.ingress.kubernetes.io/healthcheck-protocol: HTTPS
                    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP":80},{"HTTPS":443}]'
                    alb.ingress.kubernetes.io/ssl-redirect: "443"
                    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:111122223333:certificate/abcd
                    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.type=lb_cookie,stickiness.lb_cookie.duration_seconds=86400,deregistration_delay.timeout_seconds=30
                    alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=120
                spec:
                  ingressClassName: alb
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: front, port: {number: 443}}}
                """)));
        List<String> actions = proposal.changes().stream().flatMap(c -> c.findings().stream())
                .filter(f -> f.severity() == Severity.ACTION_REQUIRED).map(f -> f.message()).toList();
        assertThat(actions).anyMatch(m -> m.contains("transforms.front"))
                .anyMatch(m -> m.contains("wafv2-acl-arn"))
                .anyMatch(m -> m.contains("not-a-real-key"));
        assertIdempotent(proposal);
    }

    @Test
    void translatesTheAgicAspnetappExample() throws IOException {
        Path file = corpus("Azure__application-gateway-kubernetes-ingress/docs/examples/aspnetapp.yaml");
        Proposal proposal = run(Files.readString(file), RuleHarness.DEFAULT_SETTINGS);
        KubeObject ingress = proposed(proposal, "Ingress", "aspnetapp");
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("alb");
        assertThat(ingress.annotations()).containsEntry("alb.ingress.kubernetes.io/scheme", "internet-facing")
                .containsEntry("alb.ingress.kubernetes.io/target-type", "ip")
                .containsEntry("alb.ingress.kubernetes.io/success-codes", "200-399");
        assertThat(proposed(proposal, "IngressClass", "alb").at("/spec/controller").asText())
                .isEqualTo("ingress.k8s.aws/alb");
        assertThat(proposal.conflicts()).isEmpty();
        assertIdempotent(proposal);
    }

    @Test
    void leavesNoAgicAnnotationOnAnyTranslatedCorpusIngress() throws IOException {
        Path root = corpus("Azure__application-gateway-kubernetes-ingress");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        int translated = 0;
        for (Path file : files) {
            ManifestSet set = new ManifestReader().readText(file.toString(), Files.readString(file));
            if (set.objects().stream().noneMatch(IngressControllers::isIngress)) {
                continue;
            }
            Proposal proposal = run(new Sanitizer().sanitize(set.objects()), SETTINGS);
            assertThat(proposal.conflicts()).as("conflicts in %s", file).isEmpty();
            assertThat(proposal.problems()).as("problems in %s", file).isEmpty();
            for (KubeObject object : proposal.proposed()) {
                if (IngressControllers.isIngress(object) && "alb".equals(object.at("/spec/ingressClassName").asText())) {
                    translated++;
                    assertThat(object.annotations().keySet()).as("annotations of %s in %s", object, file)
                            .noneMatch(k -> k.startsWith("appgw.ingress.kubernetes.io/"))
                            .doesNotContain("kubernetes.io/ingress.class");
                }
            }
            assertIdempotent(proposal);
        }
        assertThat(translated).as("Ingresses moved to alb across the corpus").isGreaterThan(100);
    }

    @Test
    void keepsAksStoreDemoAppRoutingIngressInBothModes() throws IOException {
        Path file = corpus("Azure-Samples__aks-store-demo/aks-store-ingress-quickstart.yaml");
        for (String mode : List.of("alb", "keep-nginx")) {
            Proposal proposal = run(Files.readString(file),
                    RuleHarness.DEFAULT_SETTINGS + "ingress: {controller: " + mode + "}\n");
            assertThat(proposal.changes().stream().filter(Change::altersTarget)).as("mode %s", mode).isEmpty();
            assertThat(Findings.messages(proposal, "Ingress", "store-front", Severity.WARNING)).as("mode %s", mode)
                    .singleElement().asString().contains("webapprouting.kubernetes.azure.com");
            assertThat(proposal.proposed()).noneMatch(o -> o.kind().equals("IngressClass"));
        }
    }

    private static Path corpus(String relative) {
        Path path = Path.of(System.getProperty("ferry.corpus", "/nonexistent")).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "corpus not present: " + path);
        return path;
    }

    private static Proposal run(String yaml, String settings) {
        return run(new Sanitizer().sanitize(RuleHarness.parse(yaml)), settings);
    }

    private static Proposal run(SanitizedEstate estate, String settings) {
        return new RuleRunner(IngressRules.aksToEks()).run(estate, MigrationSettings.of(Yaml.parse(settings)));
    }

    private static void assertIdempotent(Proposal first) {
        SanitizedEstate again = new SanitizedEstate(first.proposed(), List.of(), List.of(), List.of());
        Proposal second = new RuleRunner(IngressRules.aksToEks()).run(again, MigrationSettings.of(Yaml.parse(SETTINGS)));
        assertThat(second.changes().stream().filter(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty())
                .map(c -> c.rule() + " " + c.resource() + " " + c.patch()))
                .as("catalogue run over its own output").isEmpty();
    }

    private static KubeObject proposed(Proposal proposal, String kind, String name) {
        return proposal.proposed().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no proposed " + kind + "/" + name));
    }

    private static Set<String> render(List<KubeObject> objects) {
        Set<String> rendered = new HashSet<>();
        for (KubeObject object : objects) {
            rendered.add(Yaml.write(canonical(object.body())));
        }
        return rendered;
    }

    private static com.fasterxml.jackson.databind.JsonNode canonical(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Yaml.yaml().createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(n -> sorted.set(n, canonical(node.get(n))));
            return sorted;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = Yaml.yaml().createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }
}
