package dev.ferry.plan.refs;

import dev.ferry.model.ResourceKey;

/** How objects are named in messages for people: {@code Deployment shop/api}, {@code StorageClass gp3}. */
public final class ObjectNames {

    private ObjectNames() {
    }

    public static String describe(ResourceKey key) {
        return key.clusterScoped() ? key.kind() + " " + key.name() : key.kind() + " " + key.namespace() + "/" + key.name();
    }
}
