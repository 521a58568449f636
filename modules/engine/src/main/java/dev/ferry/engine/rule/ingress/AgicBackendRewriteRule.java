package dev.ferry.engine.rule.ingress;

import static dev.ferry.engine.rule.ingress.AgicAnnotations.BACKEND_HOSTNAME;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.BACKEND_PATH_PREFIX;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.REWRITE_RULE_SET;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.REWRITE_RULE_SET_CUSTOM_RESOURCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes AGIC's request rewrites ({@code backend-path-prefix}, {@code backend-hostname}, {@code rewrite-rule-set},
 * {@code rewrite-rule-set-custom-resource}) and reports each as action-required. Path and Host rewrites have an ALB
 * counterpart only from AWS Load Balancer Controller v2.14 ({@code transforms.<service>}); the finding carries the
 * suggested annotation rather than writing it, because an older controller would reject nothing and rewrite nothing.
 */
public final class AgicBackendRewriteRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-backend-rewrite-removed", "AGIC backend rewrites removed",
            "Removes AGIC path, host and rule-set rewrites and suggests ALB transforms for AWS Load Balancer "
                    + "Controller v2.14 or later.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    private static final Pattern REGEX_META = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        Optional<String> prefix = AgicAnnotations.value(object, BACKEND_PATH_PREFIX);
        Optional<String> hostname = AgicAnnotations.value(object, BACKEND_HOSTNAME);
        Optional<String> ruleSet = AgicAnnotations.value(object, REWRITE_RULE_SET);
        Optional<String> customResource = AgicAnnotations.value(object, REWRITE_RULE_SET_CUSTOM_RESOURCE);
        if (prefix.isEmpty() && hostname.isEmpty() && ruleSet.isEmpty() && customResource.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("AGIC rewrites removed")
                .rationale("EDGES.md §2.2: an ALB rewrites the URL or Host header only through "
                        + "`alb.ingress.kubernetes.io/transforms.<service>` (AWS Load Balancer Controller >= v2.14), and "
                        + "cannot rewrite arbitrary headers; an older controller has no rewrite at all, so Ferry "
                        + "suggests the transform instead of writing it.");
        if (prefix.isPresent() || hostname.isPresent()) {
            prefix.ifPresent(v -> change.remove(AgicAnnotations.pointer(BACKEND_PATH_PREFIX)));
            hostname.ifPresent(v -> change.remove(AgicAnnotations.pointer(BACKEND_HOSTNAME)));
            StringBuilder message = new StringBuilder("AGIC rewrote requests to the backends (")
                    .append(prefix.map(p -> "path prefix `" + p + "`").orElse(""))
                    .append(prefix.isPresent() && hostname.isPresent() ? ", " : "")
                    .append(hostname.map(h -> "Host `" + h + "`").orElse(""))
                    .append("); the annotations were removed. With AWS Load Balancer Controller v2.14 or later add");
            suggestions(object, prefix, hostname).forEach((service, transforms) -> message.append(" `")
                    .append(AlbAnnotations.key("transforms." + service)).append(": '").append(transforms).append("'`"));
            message.append(" and check the regex against the real paths; with an older controller the application "
                    + "must serve the external path and Host itself.");
            change.finding(Finding.actionRequired(message.toString()));
        }
        ruleSet.ifPresent(name -> change.remove(AgicAnnotations.pointer(REWRITE_RULE_SET))
                .finding(Finding.actionRequired("Rewrite rule set `" + name + "` lives on the Application Gateway and "
                        + "was removed. Rebuild its URL or Host rewrites as `alb.ingress.kubernetes.io/transforms."
                        + "<service>` (controller >= v2.14); header rewrites must move into the application or a "
                        + "proxy.")));
        customResource.ifPresent(name -> change.remove(AgicAnnotations.pointer(REWRITE_RULE_SET_CUSTOM_RESOURCE))
                .finding(Finding.actionRequired("The AzureApplicationGatewayRewrite `" + name + "` referenced here is "
                        + "not carried. Rebuild its URL or Host rewrites as `alb.ingress.kubernetes.io/transforms."
                        + "<service>` (controller >= v2.14); header rewrites must move into the application or a "
                        + "proxy.")));
    }

    /** Per backend Service, the transforms JSON that reproduces AGIC's rewrite for its paths. */
    private static Map<String, String> suggestions(KubeObject ingress, Optional<String> prefix,
                                                   Optional<String> hostname) {
        Map<String, Set<String>> pathsByService = new LinkedHashMap<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend");
                String service = backend.path("service").path("name").asText(backend.path("serviceName").asText(""));
                if (!service.isBlank()) {
                    pathsByService.computeIfAbsent(service, s -> new LinkedHashSet<>())
                            .add(path.path("path").asText("/"));
                }
            }
        }
        for (String service : IngressControllers.backendServices(ingress)) {
            pathsByService.computeIfAbsent(service, s -> new LinkedHashSet<>(Set.of("/")));
        }
        Map<String, String> suggestions = new LinkedHashMap<>();
        JsonNodeFactory json = JsonNodeFactory.instance;
        pathsByService.forEach((service, paths) -> {
            ArrayNode transforms = json.arrayNode();
            prefix.ifPresent(p -> {
                ObjectNode url = transforms.addObject().put("type", "url-rewrite");
                ArrayNode rewrites = url.putObject("urlRewriteConfig").putArray("rewrites");
                for (String path : paths) {
                    String matched = path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
                    rewrites.addObject().put("regex", "^" + REGEX_META.matcher(matched).replaceAll("\\\\$0") + "(.*)$")
                            .put("replace", p + "$1");
                }
            });
            hostname.ifPresent(h -> transforms.addObject().put("type", "host-header-rewrite")
                    .putObject("hostHeaderRewriteConfig").putArray("rewrites").addObject()
                    .put("regex", "^.*$").put("replace", h));
            suggestions.put(service, transforms.toString());
        });
        return suggestions;
    }
}
