package dev.ferry.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.engine.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelDirectionTest {

    @TempDir
    Path temp;

    private ConnectViewModel model() throws Exception {
        Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: shop-aks
                clusters:
                - name: aks
                  cluster: {server: "https://shop-1a2b.hcp.westeurope.azmk8s.io:443"}
                - name: eks
                  cluster: {server: "https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com"}
                - name: lab
                  cluster: {server: "https://10.0.0.1:6443"}
                users:
                - name: reader
                  user: {token: not-a-real-token}
                contexts:
                - name: shop-aks
                  context: {cluster: aks, user: reader}
                - name: shop-eks
                  context: {cluster: eks, user: reader}
                - name: lab
                  context: {cluster: lab, user: reader}
                """);
        ConnectViewModel model = new ConnectViewModel(TestContexts.synchronous(temp.resolve("config"),
                new RecordingErrors()), new KubeconfigLoader(), new ClusterConnector());
        model.kubeconfigProperty().set(kubeconfig.toString());
        model.loadContexts();
        return model;
    }

    @Test
    void theDirectionFollowsTheSourcesServerUntilTheUserChooses() throws Exception {
        ConnectViewModel model = model();
        assertThat(model.sourceContextProperty().get()).isEqualTo("shop-aks");
        assertThat(model.directionProperty().get()).isEqualTo(Direction.AKS_TO_EKS);
        assertThat(model.directionHintProperty().get()).contains("azmk8s.io");

        model.sourceContextProperty().set("shop-eks");
        assertThat(model.directionProperty().get()).isEqualTo(Direction.EKS_TO_AKS);

        model.sourceContextProperty().set("lab");
        assertThat(model.directionProperty().get()).isEqualTo(Direction.EKS_TO_AKS);
        assertThat(model.directionHintProperty().get()).contains("choose");

        model.directionProperty().set(Direction.AKS_TO_EKS);
        model.sourceContextProperty().set("shop-eks");
        assertThat(model.directionProperty().get()).isEqualTo(Direction.AKS_TO_EKS);
        assertThat(model.directionHintProperty().get()).isEmpty();
    }
}
