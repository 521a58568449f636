package dev.ferry.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstateViewTest {

    private static KubeObject object(String kind, String namespace, String name) {
        String meta = namespace.isEmpty() ? "metadata: {name: " + name + "}\n"
                : "metadata: {name: " + name + ", namespace: " + namespace + "}\n";
        return KubeObject.of((ObjectNode) Yaml.parse("apiVersion: v1\nkind: " + kind + "\n" + meta));
    }

    @Test
    void findsObjectsOfAKindInOneNamespaceInEstateOrder() {
        KubeObject a = object("Service", "shop", "a");
        KubeObject other = object("Service", "blog", "b");
        KubeObject config = object("ConfigMap", "shop", "c");
        KubeObject d = object("Service", "shop", "d");
        KubeObject cluster = object("Namespace", "", "shop");
        EstateView view = new EstateView(List.of(a, other, config, d, cluster), List.of());

        assertThat(view.ofKind("Service", "shop")).containsExactly(a, d);
        assertThat(view.ofKind("Service", "blog")).containsExactly(other);
        assertThat(view.ofKind("Namespace", "")).containsExactly(cluster);
        assertThat(view.ofKind("Service", "none")).isEmpty();
        assertThat(view.ofKind("Secret", "shop")).isEmpty();
    }
}
