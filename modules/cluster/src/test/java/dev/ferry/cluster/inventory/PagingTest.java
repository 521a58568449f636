package dev.ferry.cluster.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.TestClusters;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.cluster.connect.ClusterReader;
import dev.ferry.cluster.connect.Discovery;
import dev.ferry.cluster.connect.ListPage;
import dev.ferry.cluster.connect.ResourceType;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging with {@code limit}/{@code continue}, and an expired continuation, against a reader that pages like an API
 * server (the sandbox answers every list in one page).
 */
class PagingTest {

    @TempDir
    Path dir;

    private static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "ConfigMap", "configmaps", true,
            Set.of("list", "get"));

    /** 25 ConfigMaps served in pages of the size asked for; the token of the 2nd page expires once if asked. */
    private static final class PagingReader implements ClusterReader {
        final AtomicInteger lists = new AtomicInteger();
        final List<Integer> limits = new ArrayList<>();
        final AtomicBoolean expireOnce = new AtomicBoolean();

        @Override
        public ClusterInfo info() {
            return new ClusterInfo("paging", "https://paging.example", "v1.30.0", "tester");
        }

        @Override
        public Discovery discover() {
            return new Discovery(List.of(CONFIG_MAPS), List.of());
        }

        @Override
        public synchronized ListPage list(ResourceType type, String namespace, int limit, String token)
                throws ClusterException {
            lists.incrementAndGet();
            limits.add(limit);
            int start = token.isEmpty() ? 0 : Integer.parseInt(token);
            if (start > 0 && expireOnce.compareAndSet(true, false)) {
                throw new ClusterException(Reason.GONE, "expired");
            }
            List<ObjectNode> items = new ArrayList<>();
            for (int i = start; i < Math.min(25, start + limit); i++) {
                ObjectNode item = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
                item.putObject("metadata").put("name", "c" + i).put("namespace", "shop");
                item.putObject("data").put("k", "v");
                items.add(item);
            }
            int next = start + limit;
            return new ListPage(items, next >= 25 ? "" : Integer.toString(next));
        }

        @Override
        public Optional<ObjectNode> get(ResourceKey key) {
            return Optional.empty();
        }

        @Override
        public Optional<ResourceType> typeOf(String apiVersion, String kind) {
            return Optional.of(CONFIG_MAPS);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void listsEveryPageWithTheLimitAndTheContinueToken() throws Exception {
        PagingReader reader = new PagingReader();

        InventoryResult result = new InventoryService(reader, InventoryOptions.defaults().withPageSize(10)
                .withRetry(TestClusters.fastRetry()), InventoryListener.none(), Cancellation.none())
                .run(dir.resolve("out"));

        assertThat(result.objects()).isEqualTo(25);
        assertThat(reader.lists).hasValue(3);
        assertThat(reader.limits).containsOnly(10);
        assertThat(dir.resolve("out/shop/configmap.c24.yaml")).exists();
    }

    @Test
    void startsATypeAgainWhenItsContinuationExpires() throws Exception {
        PagingReader reader = new PagingReader();
        reader.expireOnce.set(true);

        InventoryResult result = new InventoryService(reader, InventoryOptions.defaults().withPageSize(10)
                .withRetry(TestClusters.fastRetry()), InventoryListener.none(), Cancellation.none())
                .run(dir.resolve("out"));

        assertThat(result.objects()).isEqualTo(25);
        assertThat(result.listed()).singleElement().satisfies(c -> assertThat(c.objects()).isEqualTo(25));
        assertThat(reader.lists).hasValue(5);
    }
}
