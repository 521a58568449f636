package dev.ferry.engine.run;

import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Change ids that stay the same when the engine runs again over the same estate, so approvals and hand edits can
 * follow their change: the edge, then a digest of the rule and the resource.
 */
public final class ChangeIds {

    private ChangeIds() {
    }

    public static String of(Edge edge, String rule, ResourceKey resource) {
        String identity = rule + "|" + resource.group() + "|" + resource.kind() + "|" + resource.namespace() + "|"
                + resource.name();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return edge.id() + "-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
