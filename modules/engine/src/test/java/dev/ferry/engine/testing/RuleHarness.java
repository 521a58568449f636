package dev.ferry.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs one rule over before-YAML and checks the proposed estate against after-YAML, in the manner of OpenRewrite's
 * {@code rewriteRun}: {@code rewriteRun(before, after)} expects exactly {@code after} (every proposed object,
 * generated ones included, in any order); {@code rewriteRun(before)} expects no change at all.
 *
 * <p>Every run also proves the rule idempotent (run again over its own output it proposes no operation, drop or new
 * object) and proves it left its input untouched.
 */
public final class RuleHarness {

    /** Settings most rule tests need; {@link #settings(String)} replaces them entirely. */
    public static final String DEFAULT_SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE}
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
            """;

    /** The EKS → AKS counterpart of {@link #DEFAULT_SETTINGS}, used by default for EKS → AKS rules. */
    public static final String EKS_TO_AKS_SETTINGS = """
            direction: eks-to-aks
            azure: {subscriptionId: 00000000-0000-0000-0000-000000000001, tenantId: 00000000-0000-0000-0000-000000000002,
                    resourceGroup: shop-rg, location: westeurope, clusterName: shop-aks}
            registry: {acrLoginServer: shopacr.azurecr.io}
            identity: {clientIds: {}}
            zones: {eu-west-1a: westeurope-1, eu-west-1b: westeurope-2, eu-west-1c: westeurope-3}
            """;

    private final Rule rule;
    private String settings;
    private String nodes = "";

    private RuleHarness(Rule rule) {
        this.rule = rule;
        this.settings = rule.info().direction() == Direction.EKS_TO_AKS ? EKS_TO_AKS_SETTINGS : DEFAULT_SETTINGS;
    }

    public static RuleHarness of(Rule rule) {
        return new RuleHarness(rule);
    }

    public RuleHarness settings(String yaml) {
        this.settings = yaml;
        return this;
    }

    /** Node objects (multi-document YAML) for rules that analyse node pools. */
    public RuleHarness nodes(String yaml) {
        this.nodes = yaml;
        return this;
    }

    /** Expects the rule to turn {@code before} into exactly {@code after}. */
    public Proposal rewriteRun(String before, String after) {
        Proposal proposal = run(before);
        List<KubeObject> expected = parse(after);
        assertThat(render(proposal.proposed()))
                .as("proposed objects after rule %s", rule.info().id())
                .isEqualTo(render(expected));
        return proposal;
    }

    /** Expects the rule to leave {@code before} alone: no operation, no drop, no generated object. */
    public Proposal rewriteRun(String before) {
        Proposal proposal = run(before);
        assertThat(alteringChanges(proposal)).as("changes proposed by %s", rule.info().id()).isEmpty();
        return proposal;
    }

    /** Runs the rule, checks idempotence and that the input was not mutated, and returns what it proposed. */
    public Proposal run(String before) {
        List<KubeObject> input = parse(before);
        SanitizedEstate estate = new Sanitizer().sanitize(input);
        List<KubeObject> nodeObjects = nodes.isBlank() ? List.of() : parse(nodes);
        SanitizedEstate withNodes = new SanitizedEstate(estate.objects(), estate.excluded(),
                new Sanitizer().sanitize(nodeObjects).nodes(), estate.duplicates());
        List<ObjectNode> snapshot = withNodes.objects().stream().map(KubeObject::copyBody).toList();
        MigrationSettings migrationSettings = MigrationSettings.of(Yaml.parse(settings));
        RuleRunner runner = new RuleRunner(List.of(rule));

        Proposal first = runner.run(withNodes, migrationSettings);
        assertThat(withNodes.objects().stream().map(KubeObject::body).toList())
                .as("rule %s must not mutate its input", rule.info().id())
                .isEqualTo(snapshot);
        assertThat(first.problems()).as("problems of the run").isEmpty();

        SanitizedEstate again = new SanitizedEstate(first.proposed(), List.of(), withNodes.nodes(), List.of());
        Proposal second = runner.run(again, migrationSettings);
        assertThat(alteringChanges(second))
                .as("rule %s run over its own output (idempotence)", rule.info().id())
                .isEmpty();
        return first;
    }

    private static List<String> alteringChanges(Proposal proposal) {
        return proposal.changes().stream()
                .filter(c -> c.type() != ChangeType.PATCH || !c.patch().isEmpty())
                .map(RuleHarness::describe)
                .toList();
    }

    private static String describe(Change change) {
        return change.type() + " " + change.resource() + " " + change.patch();
    }

    public static List<KubeObject> parse(String yaml) {
        ManifestSet set = new ManifestReader().readText("test.yaml", yaml);
        assertThat(set.problems()).as("test YAML must parse").isEmpty();
        return set.objects();
    }

    private static String render(List<KubeObject> objects) {
        return objects.stream()
                .sorted(Comparator.comparing(KubeObject::key))
                .map(o -> Yaml.write(canonical(o.body())))
                .collect(Collectors.joining("---\n"));
    }

    /** Sorts object keys, so expectations compare content rather than the order a patch added keys in. */
    private static com.fasterxml.jackson.databind.JsonNode canonical(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Yaml.yaml().createObjectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
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

    /** The single change the rule proposed for a resource, for assertions on summary, findings and rationale. */
    public static Change changeFor(Proposal proposal, String kind, String name) {
        return proposal.changes().stream()
                .filter(c -> c.resource().kind().equals(kind) && c.resource().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + kind + "/" + name + " in "
                        + proposal.changes().stream().map(RuleHarness::describe).toList()));
    }
}
