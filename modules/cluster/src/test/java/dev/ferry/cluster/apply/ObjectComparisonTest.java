package dev.ferry.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import org.junit.jupiter.api.Test;

class ObjectComparisonTest {

    private static ObjectNode yaml(String text) {
        return (ObjectNode) Yaml.parse(text);
    }

    @Test
    void ignoresServerSetFieldsAndDefaultsButSeesChangedValues() {
        ObjectNode desired = yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
                + "spec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: web\n"
                + "        resources: {limits: {cpu: 500m, memory: 1Gi}}\n");
        ObjectNode live = yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop, uid: u1,"
                + " resourceVersion: '9', generation: 3, managedFields: [{manager: ferry}]}\n"
                + "spec:\n  replicas: 2\n  progressDeadlineSeconds: 600\n  template:\n    spec:\n      containers:\n"
                + "      - name: web\n        imagePullPolicy: Always\n"
                + "        resources: {limits: {cpu: '0.5', memory: '1073741824'}}\nstatus: {replicas: 2}\n");

        assertThat(ObjectComparison.missingFromLive(desired, live)).isEmpty();

        live.with("spec").put("replicas", 3);
        assertThat(ObjectComparison.missingFromLive(desired, live)).containsExactly("/spec/replicas");
    }

    @Test
    void differencesSeesFieldsAddedOnEitherSide() {
        ObjectNode before = yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, resourceVersion: '1'}\n"
                + "data: {k: v}\n");
        ObjectNode after = yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, resourceVersion: '5',"
                + " labels: {x: y}}\ndata: {k: v}\n");
        assertThat(ObjectComparison.differences(before, after)).containsExactly("/metadata/labels");
        assertThat(ObjectComparison.differences(before, before.deepCopy())).isEmpty();
    }

    @Test
    void comparesARedactedSecretByTheDigestsOfTheLiveValues() {
        String source = "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ntype: Opaque\n"
                + "data: {password: cHc=}\n";
        ObjectNode redacted = new Sanitizer().sanitizeOne(KubeObject.of(yaml(source))).body();
        ObjectNode live = yaml(source);

        assertThat(ObjectComparison.missingFromLive(redacted, live)).isEmpty();
        live.with("data").put("password", "b3RoZXI=");
        assertThat(ObjectComparison.missingFromLive(redacted, live)).containsExactly("/data/password");
    }
}
