package dev.ferry.app.live;

import dev.ferry.app.task.TaskProgress;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.inventory.InventoryException;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryResult;
import dev.ferry.cluster.inventory.InventoryService;
import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.plan.bundle.BundleException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a live source cluster into a bundle to review: inventory (read-only, with progress and cancel), propose,
 * write the bundle. The same steps as {@code ferry inventory} then {@code ferry propose}.
 */
public final class EstateImport {

    private final ClusterConnector connector;

    public EstateImport(ClusterConnector connector) {
        this.connector = connector;
    }

    /**
     * @param config    the kubeconfig
     * @param context   the source context
     * @param work      a folder for {@code inventory/} and {@code bundle/}
     * @param direction which way the migration goes
     * @return the bundle folder
     */
    public Path importEstate(Kubeconfig config, String context, Path work, Direction direction, TaskProgress progress)
            throws ClusterException, InventoryException, BundleException {
        Cancellation cancellation = new Cancellation();
        InventoryResult inventory;
        try (SourceCluster source = connector.connectSource(config, context)) {
            progress.update(0.05, "Connected to " + source.info().context() + " (read-only); listing objects");
            inventory = new InventoryService(source, InventoryOptions.defaults(), step -> {
                if (progress.isCancelled()) {
                    cancellation.cancel();
                }
                double fraction = step.typesTotal() == 0 ? 0 : (double) step.typesDone() / step.typesTotal();
                progress.update(0.05 + 0.6 * fraction, "Inventory: " + step.objects() + " objects, "
                        + step.typesDone() + " of " + step.typesTotal() + " types");
            }, cancellation).run(work.resolve("inventory"));
        }
        progress.update(0.7, "Proposing the " + direction.id() + " equivalent of " + inventory.objects() + " objects");
        MigrationSettings settings = MigrationSettings.empty(direction);
        Path bundle = work.resolve("bundle");
        new ProposalWriter(java.time.Clock.systemUTC()).write(List.of(inventory.folder()), settings,
                "cluster context " + context, bundle, "workbench");
        return bundle;
    }
}
