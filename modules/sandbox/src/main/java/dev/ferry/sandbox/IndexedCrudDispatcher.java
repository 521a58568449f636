package dev.ferry.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * fabric8's CRUD dispatcher, written to directly: the sandbox computes every stored object itself, so it stores it
 * with {@link #processEvent} (which also tells the watchers) under the dispatcher's own write lock, instead of going
 * through fabric8's POST/PUT handlers, each of which scans every stored object.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private volatile Lock writeLock;

    IndexedCrudDispatcher() {
        // any write goes through the dispatcher's lock hook, which hands us its write lock
        handleDelete("/api/v1/namespaces/ferry-sandbox/configmaps/none");
        if (writeLock == null) {
            throw new IllegalStateException("fabric8's CRUD dispatcher did not expose its write lock");
        }
    }

    @Override
    protected void locked(Lock lock) {
        if (writeLock == null && lock instanceof ReentrantReadWriteLock.WriteLock) {
            writeLock = lock;
        }
    }

    /** The key the dispatcher stores this object under, computed as {@link #processEvent} computes it. */
    AttributeSet keyOf(String collectionPath, GenericKubernetesResource resource) {
        AttributeSet attributes = ((KubernetesAttributesExtractor) attributeExtractor).extract(resource);
        if (!attributes.containsKey(KubernetesAttributesExtractor.PLURAL)) {
            attributes = AttributeSet.merge(getKey(collectionPath), attributes);
        }
        return attributes;
    }

    /** Stores, replaces ({@code oldKey} set) or removes ({@code json} null) an object and notifies watchers. */
    void write(String collectionPath, AttributeSet oldKey, GenericKubernetesResource resource, String json) {
        writeLock.lock();
        try {
            processEvent(collectionPath, getKey(collectionPath), oldKey, resource, json);
        } finally {
            writeLock.unlock();
        }
    }
}
