package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Pages a list response as the API server does for {@code limit} and {@code continue}: items in key order
 * (namespace, then name), at most {@code limit} per page, an opaque {@code metadata.continue} token naming where the
 * next page starts, and {@code metadata.remainingItemCount}. A list without {@code limit} is returned whole.
 */
final class ListPager {

    private ListPager() {
    }

    static ObjectNode page(ObjectNode list, ApiPath path) {
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        items.sort(Comparator.comparing(ListPager::key));
        String start = path.param("continue").filter(token -> !token.isEmpty()).map(ListPager::decode).orElse("");
        int limit = path.param("limit").map(ListPager::parseLimit).orElse(0);
        List<JsonNode> after = items.stream().filter(item -> key(item).compareTo(start) > 0).toList();
        List<JsonNode> page = limit > 0 && after.size() > limit ? after.subList(0, limit) : after;
        ArrayNode array = list.putArray("items");
        page.forEach(array::add);
        ObjectNode metadata = ManagedFields.child(list, "metadata");
        metadata.remove("continue");
        metadata.remove("remainingItemCount");
        if (page.size() < after.size()) {
            metadata.put("continue", encode(key(page.get(page.size() - 1))));
            metadata.put("remainingItemCount", after.size() - page.size());
        }
        return list;
    }

    private static String key(JsonNode item) {
        JsonNode metadata = item.path("metadata");
        return metadata.path("namespace").asText("") + "/" + metadata.path("name").asText();
    }

    private static int parseLimit(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number, not `" + value + "`");
        }
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"start\":\"" + key + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            JsonNode decoded = ObjectStore.JSON.readTree(Base64.getUrlDecoder().decode(token));
            return decoded.path("start").asText();
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ApiException(410, "Expired", "The provided continue parameter is too old to display a "
                    + "consistent list result. You can start a new list without the continue parameter.", null);
        }
    }
}
