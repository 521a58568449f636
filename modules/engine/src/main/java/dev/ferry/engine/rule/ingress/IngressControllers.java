package dev.ferry.engine.rule.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.model.KubeObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which ingress controller a source Ingress is written for (EDGES.md §2.1): by {@code spec.ingressClassName}, the
 * legacy {@code kubernetes.io/ingress.class} annotation, the controller of a same-named IngressClass in the estate,
 * or, for an Ingress without any class, the estate's default IngressClass or its {@code appgw.ingress.kubernetes.io}
 * annotations.
 */
final class IngressControllers {

    /** The controllers the ingress edge tells apart on the AKS side. */
    enum Controller {
        /** Application Gateway Ingress Controller. */
        AGIC,
        /** Application Gateway for Containers, Ingress API. */
        AGC,
        /** Community ingress-nginx. */
        NGINX,
        /** AKS application routing add-on (managed NGINX). */
        APP_ROUTING,
        /** Anything else, including an Ingress already on {@code alb}. */
        OTHER;

        /** True when Ferry moves the Ingress to the AWS Load Balancer Controller. */
        boolean movesToAlb() {
            return this == AGIC || this == AGC;
        }
    }

    static final String LEGACY_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
    static final String AGIC_CLASS = "azure-application-gateway";
    static final String AGIC_LEGACY_CLASS = "azure/application-gateway";
    static final String AGIC_CONTROLLER = "azure/application-gateway";
    static final String AGC_CLASS = "azure-alb-external";
    static final String AGC_CONTROLLER = "alb.networking.azure.io/alb-controller";
    static final String APP_ROUTING_CLASS = "webapprouting.kubernetes.azure.com";
    static final String APP_ROUTING_CONTROLLER = "webapprouting.kubernetes.azure.com/nginx";
    static final String NGINX_CLASS = "nginx";
    static final String NGINX_CONTROLLER = "k8s.io/ingress-nginx";

    private IngressControllers() {
    }

    static boolean isIngress(KubeObject object) {
        return object.isKind("networking.k8s.io", "Ingress") || object.isKind("extensions", "Ingress");
    }

    static boolean isIngressClass(KubeObject object) {
        return object.isKind("networking.k8s.io", "IngressClass");
    }

    /** The controller of an Ingress, or {@link Controller#OTHER} for any other object. */
    static Controller of(KubeObject ingress, EstateView estate) {
        if (!isIngress(ingress)) {
            return Controller.OTHER;
        }
        String className = ingress.at("/spec/ingressClassName").asText("");
        if (!className.isBlank()) {
            return byClassName(className, estate);
        }
        String legacy = ingress.annotations().getOrDefault(LEGACY_CLASS_ANNOTATION, "");
        if (!legacy.isBlank()) {
            return byClassName(legacy, estate);
        }
        Optional<KubeObject> defaultClass = estate.ofKind("IngressClass").stream()
                .filter(IngressControllers::isIngressClass)
                .filter(c -> "true".equalsIgnoreCase(c.annotations().get(DEFAULT_CLASS_ANNOTATION)))
                .findFirst();
        if (defaultClass.isPresent()) {
            return byController(defaultClass.get().at("/spec/controller").asText(""));
        }
        boolean agicAnnotations = ingress.annotations().keySet().stream().anyMatch(AgicAnnotations::isAgicKey);
        return agicAnnotations ? Controller.AGIC : Controller.OTHER;
    }

    /** True when the Ingress has no class of its own and is attributed to a controller from context. */
    static boolean classless(KubeObject ingress) {
        return ingress.at("/spec/ingressClassName").asText("").isBlank()
                && ingress.annotations().getOrDefault(LEGACY_CLASS_ANNOTATION, "").isBlank();
    }

    private static Controller byClassName(String className, EstateView estate) {
        switch (className) {
            case AGIC_CLASS, AGIC_LEGACY_CLASS:
                return Controller.AGIC;
            case AGC_CLASS:
                return Controller.AGC;
            case APP_ROUTING_CLASS:
                return Controller.APP_ROUTING;
            case NGINX_CLASS:
                return Controller.NGINX;
            default:
                return estate.find("IngressClass", "", className)
                        .filter(IngressControllers::isIngressClass)
                        .map(c -> byController(c.at("/spec/controller").asText("")))
                        .orElse(Controller.OTHER);
        }
    }

    static Controller byController(String controller) {
        return switch (controller) {
            case AGIC_CONTROLLER -> Controller.AGIC;
            case AGC_CONTROLLER -> Controller.AGC;
            case APP_ROUTING_CONTROLLER -> Controller.APP_ROUTING;
            case NGINX_CONTROLLER -> Controller.NGINX;
            default -> Controller.OTHER;
        };
    }

    /** Every backend Service name the Ingress routes to, in order of appearance, without duplicates. */
    static List<String> backendServices(KubeObject ingress) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        addBackend(ingress.at("/spec/defaultBackend"), names);
        addBackend(ingress.at("/spec/backend"), names);
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                addBackend(path.path("backend"), names);
            }
        }
        return List.copyOf(names);
    }

    private static void addBackend(JsonNode backend, Set<String> names) {
        String name = backend.path("service").path("name").asText(backend.path("serviceName").asText(""));
        if (!name.isBlank()) {
            names.add(name);
        }
    }
}
