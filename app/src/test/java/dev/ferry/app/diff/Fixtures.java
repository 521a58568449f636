package dev.ferry.app.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test YAML from {@code src/test/resources/dev/ferry/app/diff}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String agicIngress() {
        return read("agic-ingress.yaml");
    }

    public static String albIngress() {
        return read("alb-ingress.yaml");
    }

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Deployment of about {@code lines} lines, and a variant with scattered changes. */
    public static String bigDeployment(int containers, boolean changed) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: big
                  namespace: load
                spec:
                  template:
                    spec:
                      containers:
                """);
        for (int i = 0; i < containers; i++) {
            boolean touch = changed && i % 7 == 3;
            yaml.append("        - name: c").append(i).append('\n')
                    .append("          image: ").append(touch ? "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
                            : "shop.azurecr.io").append("/svc").append(i).append(":1.").append(i).append('\n')
                    .append("          ports:\n")
                    .append("            - containerPort: ").append(8000 + i).append('\n');
            if (!(changed && i % 11 == 5)) {
                yaml.append("          env:\n")
                        .append("            - name: MODE\n")
                        .append("              value: \"").append(touch ? "aws" : "azure").append("\"\n");
            }
            if (changed && i % 13 == 8) {
                yaml.append("          resources:\n            requests:\n              cpu: 100m\n");
            }
            yaml.append("          # container ").append(i).append('\n');
        }
        return yaml.toString();
    }
}
