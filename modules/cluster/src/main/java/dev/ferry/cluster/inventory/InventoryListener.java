package dev.ferry.cluster.inventory;

/** Told about inventory progress, from the listing threads (several at once): be quick and thread-safe. */
@FunctionalInterface
public interface InventoryListener {

    void progress(InventoryProgress progress);

    static InventoryListener none() {
        return progress -> { };
    }
}
