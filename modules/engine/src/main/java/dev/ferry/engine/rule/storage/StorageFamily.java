package dev.ferry.engine.rule.storage;

import java.util.Optional;

/** The Azure storage services a StorageClass, volume or snapshot class can belong to (EDGES.md §4.1). */
enum StorageFamily {
    /** Azure Disk: {@code disk.csi.azure.com} and the in-tree {@code kubernetes.io/azure-disk}. */
    DISK,
    /** Azure Files (SMB or NFS): {@code file.csi.azure.com} and the in-tree {@code kubernetes.io/azure-file}. */
    FILE,
    /** Azure Blob (BlobFuse or NFSv3): {@code blob.csi.azure.com}. */
    BLOB;

    static final String DISK_DRIVER = "disk.csi.azure.com";
    static final String FILE_DRIVER = "file.csi.azure.com";
    static final String BLOB_DRIVER = "blob.csi.azure.com";
    static final String EBS_DRIVER = "ebs.csi.aws.com";
    static final String EFS_DRIVER = "efs.csi.aws.com";

    /** The family of a provisioner or CSI driver name, empty when it is not an Azure one. */
    static Optional<StorageFamily> ofDriver(String driver) {
        return switch (driver == null ? "" : driver.strip()) {
            case DISK_DRIVER, "kubernetes.io/azure-disk" -> Optional.of(DISK);
            case FILE_DRIVER, "kubernetes.io/azure-file" -> Optional.of(FILE);
            case BLOB_DRIVER -> Optional.of(BLOB);
            default -> Optional.empty();
        };
    }

    String displayName() {
        return switch (this) {
            case DISK -> "Azure Disk";
            case FILE -> "Azure Files";
            case BLOB -> "Azure Blob";
        };
    }
}
