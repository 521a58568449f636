package dev.ferry.cluster.inventory;

/**
 * How far an inventory is: types done of the types to list, objects read so far, and the type just worked on.
 */
public record InventoryProgress(int typesDone, int typesTotal, long objects, String currentType) {
}
