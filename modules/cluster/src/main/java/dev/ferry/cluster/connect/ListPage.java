package dev.ferry.cluster.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list: the objects (each with its apiVersion and kind set) and the token for the next page, empty on
 * the last page.
 */
public record ListPage(List<ObjectNode> items, String continueToken) {

    public ListPage {
        items = List.copyOf(items);
        continueToken = continueToken == null ? "" : continueToken;
    }

    public boolean last() {
        return continueToken.isEmpty();
    }
}
