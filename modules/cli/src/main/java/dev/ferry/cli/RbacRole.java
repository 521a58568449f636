package dev.ferry.cli;

import java.util.List;

/**
 * The RBAC Ferry needs on each side of a migration, derived from what the cluster module sends (see
 * {@code KubeApi}): the source is only read; the target gets what apply and rollback write. {@code RbacRoleTest}
 * replays an inventory, an apply and a rollback against the sandbox and fails when a request falls outside these
 * rules.
 */
enum RbacRole {

    SOURCE(List.of(
            RbacRule.resources(List.of("*"), List.of("*"), List.of("get", "list")),
            RbacRule.urls(RbacRule.DISCOVERY, List.of("get"))),
            """
            Read only. The inventory discovers every served type and lists each one page by page (list, never watch);
            Ferry reads single objects with get. It never writes to the source.
            Secrets: the inventory lists Secrets, because their names, types, keys and image-pull registries are part
            of the migration, so the API server sends their values. Ferry replaces every value by a digest before
            anything reaches the disk, a log or a bundle. At apply time the app reads the values of the Secrets in the
            wave (get) and writes them straight to the target; they are held in memory only."""),

    TARGET(List.of(
            RbacRule.resources(List.of("*"), List.of("*"), List.of("get", "create", "patch", "update", "delete")),
            RbacRule.resources(List.of("rbac.authorization.k8s.io"), List.of("clusterroles", "roles"),
                    List.of("bind", "escalate")),
            RbacRule.urls(RbacRule.DISCOVERY, List.of("get"))),
            """
            What apply and rollback need, nothing more. Apply reads each object (get) to record its state before the
            change, sends a server-side dry run and then a server-side apply (patch, field manager "ferry"; for an
            object that does not exist yet the server also checks create), and reads objects back until they are ready.
            Rollback deletes what the wave created and puts back what it changed (update, or create when it was
            deleted). Ferry never lists or watches the target.
            A wave can hold any kind (Namespaces, CRDs, workloads, custom resources of the target's add-ons), so the
            first rule covers every resource; narrow it to the kinds in your bundle's proposed/ folder if your policy
            asks for it. bind and escalate: Kubernetes refuses to create a Role or binding that grants more than its
            creator holds, and migrated RBAC usually does.""");

    private final List<RbacRule> rules;
    private final String explanation;

    RbacRole(List<RbacRule> rules, String explanation) {
        this.rules = rules;
        this.explanation = explanation;
    }

    List<RbacRule> rules() {
        return rules;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String explanation() {
        return explanation;
    }
}
