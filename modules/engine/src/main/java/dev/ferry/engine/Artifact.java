package dev.ferry.engine;

/**
 * A generated file that is not a Kubernetes object (an IAM trust policy, the image copy list, an eksctl snippet).
 *
 * @param path        relative path under the bundle's {@code artifacts/} folder, with forward slashes
 * @param content     the file's text
 * @param description one line for the report
 * @param edge        the edge it belongs to
 * @param rule        the rule that made it
 */
public record Artifact(String path, String content, String description, Edge edge, String rule) {

    public Artifact {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("artifact path must be relative and stay inside artifacts/: " + path);
        }
    }
}
