package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a handled API request answers: a status code, a JSON body and any {@code Warning} headers. */
record ApiResponse(int code, JsonNode body, List<String> warnings) {

    ApiResponse {
        warnings = List.copyOf(warnings);
    }

    static ApiResponse of(int code, JsonNode body) {
        return new ApiResponse(code, body, List.of());
    }
}
