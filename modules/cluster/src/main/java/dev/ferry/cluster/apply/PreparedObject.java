package dev.ferry.cluster.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;

/**
 * An object of the wave ready to send: the proposed object as given, the body sent to the server (for a Secret, with
 * the operator's values filled in: held in memory only) and the digest of the proposed object that the journal
 * records.
 */
record PreparedObject(KubeObject proposed, ObjectNode toSend, String digest) {

    ResourceKey key() {
        return proposed.key();
    }

    boolean secret() {
        return proposed.key().isKind("", "Secret");
    }
}
