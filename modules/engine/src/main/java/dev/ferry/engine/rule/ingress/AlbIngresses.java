package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleOutput.ChangeBuilder;
import dev.ferry.model.KubeObject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * EKS → AKS side of the ingress edge: which Ingresses the AWS Load Balancer Controller serves (EDGES.md §2.1: class
 * {@code alb}, an IngressClass of its controller, the default class, or an unknown class with ALB annotations), which
 * Azure controller they move to ({@code ingress.controller}), and how AGIC annotations are written without overriding
 * a value the source already carries.
 */
final class AlbIngresses {

    static final String SETTING = "ingress.controller";
    static final String MODE_AGIC = "agic";
    static final String MODE_AGC = "agc";
    static final String MODE_KEEP_NGINX = "keep-nginx";

    static final String ALB_CLASS = "alb";
    static final Set<String> ALB_CONTROLLERS = Set.of("ingress.k8s.aws/alb", "eks.amazonaws.com/alb");

    /** Class names of other controllers, never taken for the ALB even with stray ALB annotations. */
    static final Set<String> NON_ALB_CLASSES = Set.of(IngressControllers.AGIC_CLASS, IngressControllers.AGIC_LEGACY_CLASS,
            IngressControllers.AGC_CLASS, IngressControllers.APP_ROUTING_CLASS, IngressControllers.NGINX_CLASS);

    /** Keys a named E→A rule of this package translates; the catch-all rule reports the rest. */
    static final Set<String> HANDLED = Set.of(
            alb("scheme"),
            alb("healthcheck-path"), alb("healthcheck-port"), alb("healthcheck-protocol"),
            alb("healthcheck-interval-seconds"), alb("healthcheck-timeout-seconds"),
            alb("unhealthy-threshold-count"), alb("healthy-threshold-count"), alb("success-codes"),
            alb("listen-ports"), alb("ssl-redirect"), alb("backend-protocol"), alb("backend-protocol-version"),
            alb("certificate-arn"), alb("ssl-policy"),
            alb("target-group-attributes"), alb("load-balancer-attributes"));

    private AlbIngresses() {
    }

    static String alb(String name) {
        return AlbAnnotations.PREFIX + name;
    }

    static boolean isAlbKey(String key) {
        return key.startsWith(AlbAnnotations.PREFIX);
    }

    /** True for an Ingress the AWS Load Balancer Controller serves (class, legacy annotation, default class). */
    static boolean isAlb(KubeObject object, EstateView estate) {
        if (!IngressControllers.isIngress(object)) {
            return false;
        }
        String className = object.at("/spec/ingressClassName").asText("");
        if (className.isBlank()) {
            className = object.annotations().getOrDefault(IngressControllers.LEGACY_CLASS_ANNOTATION, "");
        }
        if (!className.isBlank()) {
            if (ALB_CLASS.equals(className)) {
                return true;
            }
            Optional<KubeObject> ingressClass = estate.find("IngressClass", "", className)
                    .filter(IngressControllers::isIngressClass);
            if (ingressClass.isPresent()) {
                return isAlbClass(ingressClass.get());
            }
            // a class defined outside the estate: the ALB annotations tell who serves it
            return !NON_ALB_CLASSES.contains(className)
                    && object.annotations().keySet().stream().anyMatch(AlbIngresses::isAlbKey);
        }
        Optional<KubeObject> defaultClass = estate.ofKind("IngressClass").stream()
                .filter(IngressControllers::isIngressClass)
                .filter(c -> "true".equalsIgnoreCase(c.annotations().get(IngressControllers.DEFAULT_CLASS_ANNOTATION)))
                .findFirst();
        if (defaultClass.isPresent()) {
            return isAlbClass(defaultClass.get());
        }
        return object.annotations().keySet().stream().anyMatch(AlbIngresses::isAlbKey);
    }

    static boolean isAlbClass(KubeObject ingressClass) {
        return ALB_CONTROLLERS.contains(ingressClass.at("/spec/controller").asText(""));
    }

    /** The Azure controller ALB Ingresses move to: {@code agc} only when asked, AGIC otherwise. */
    static boolean agc(RuleContext context) {
        return MODE_AGC.equals(context.settings().text(SETTING, MODE_AGIC).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Adds {@code appgw.ingress.kubernetes.io/<name>: value} unless the source already has that key; a different
     * value already present is kept and reported.
     */
    static void putAgic(ChangeBuilder change, KubeObject source, String name, String value) {
        String key = AgicAnnotations.PREFIX + name;
        String existing = source.annotations().get(key);
        if (existing == null) {
            change.add(AgicAnnotations.pointer(key), value);
        } else if (!existing.strip().equals(value)) {
            change.finding(Finding.info("Kept the existing `" + key + ": " + existing + "`; the ALB settings would "
                    + "have given `" + value + "`."));
        }
    }

    /** Removes an ALB annotation when present; returns its stripped value. */
    static Optional<String> take(ChangeBuilder change, KubeObject source, String name) {
        String value = source.annotations().get(alb(name));
        if (value == null) {
            return Optional.empty();
        }
        change.remove(AgicAnnotations.pointer(alb(name)));
        return Optional.of(value.strip());
    }

    static Optional<String> value(KubeObject source, String name) {
        return Optional.ofNullable(source.annotations().get(alb(name))).map(String::strip);
    }

    static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
