package dev.ferry.engine;

/** What a change does to its resource on the target. */
public enum ChangeType {
    /** JSON Patch operations against the sanitized source object (possibly none: an advisory with findings). */
    PATCH("patch"),
    /** A new object that exists only on the target (an IngressClass, a StorageClass, a Karpenter NodePool). */
    GENERATE("generate"),
    /** The source object is not carried to the target (an ACR pull secret, an AzureIdentity). */
    DROP("drop");

    private final String id;

    ChangeType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ChangeType fromId(String id) {
        for (ChangeType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown change type `" + id + "`");
    }

    @Override
    public String toString() {
        return id;
    }
}
