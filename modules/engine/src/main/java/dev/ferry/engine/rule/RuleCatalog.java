package dev.ferry.engine.rule;

import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.addons.AddOnRules;
import dev.ferry.engine.rule.autoscaling.AutoscalingRules;
import dev.ferry.engine.rule.embedded.EmbeddedRules;
import dev.ferry.engine.rule.identity.IdentityRules;
import dev.ferry.engine.rule.ingress.IngressRules;
import dev.ferry.engine.rule.loadbalancer.LoadBalancerRules;
import dev.ferry.engine.rule.monitoring.MonitoringRules;
import dev.ferry.engine.rule.networking.NetworkingRules;
import dev.ferry.engine.rule.registry.RegistryRules;
import dev.ferry.engine.rule.secrets.SecretsRules;
import dev.ferry.engine.rule.storage.StorageRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule Ferry has, by id. Rule sets pick from it. */
public final class RuleCatalog {

    private static final Map<String, Rule> RULES = index();

    private RuleCatalog() {
    }

    private static Map<String, Rule> index() {
        List<Rule> all = new ArrayList<>();
        all.addAll(RegistryRules.aksToEks());
        all.addAll(IdentityRules.aksToEks());
        all.addAll(IngressRules.aksToEks());
        all.addAll(LoadBalancerRules.aksToEks());
        all.addAll(StorageRules.aksToEks());
        all.addAll(SecretsRules.aksToEks());
        all.addAll(AutoscalingRules.aksToEks());
        all.addAll(NetworkingRules.aksToEks());
        all.addAll(MonitoringRules.aksToEks());
        all.addAll(AddOnRules.aksToEks());
        all.addAll(RegistryRules.eksToAks());
        all.addAll(IdentityRules.eksToAks());
        all.addAll(IngressRules.eksToAks());
        all.addAll(LoadBalancerRules.eksToAks());
        all.addAll(StorageRules.eksToAks());
        all.addAll(SecretsRules.eksToAks());
        all.addAll(AutoscalingRules.eksToAks());
        all.addAll(NetworkingRules.eksToAks());
        all.addAll(MonitoringRules.eksToAks());
        all.addAll(EmbeddedRules.eksToAks());
        all.addAll(AddOnRules.eksToAks());
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : all) {
            if (byId.put(rule.info().id(), rule) != null) {
                throw new IllegalStateException("two rules share the id " + rule.info().id());
            }
        }
        return byId;
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(RULES.get(id));
    }

    public static List<Rule> all() {
        return List.copyOf(RULES.values());
    }

    public static List<Rule> forDirection(Direction direction) {
        return RULES.values().stream().filter(r -> r.info().direction() == direction).toList();
    }
}
