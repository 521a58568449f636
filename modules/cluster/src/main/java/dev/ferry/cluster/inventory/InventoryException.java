package dev.ferry.cluster.inventory;

/** The inventory folder cannot be written (or would replace something that is not an inventory). */
public final class InventoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
