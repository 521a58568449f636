package dev.ferry.engine.rule;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a rule is, for the runner, the report, {@code --help} and the app.
 *
 * @param id          kebab-case, stable forever ({@code acr-image-to-ecr})
 * @param displayName short, no period
 * @param description a full sentence
 * @param edge        the edge its changes belong to
 * @param direction   the direction it translates
 * @param settings    the settings keys it reads
 */
public record RuleInfo(String id, String displayName, String description, Edge edge, Direction direction,
                       List<String> settings) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public RuleInfo {
        if (!KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        if (displayName.endsWith(".")) {
            throw new IllegalArgumentException("display name ends without a period: " + displayName);
        }
        if (!description.endsWith(".")) {
            throw new IllegalArgumentException("description is a full sentence: " + description);
        }
        settings = List.copyOf(settings);
    }

    public static RuleInfo of(String id, String displayName, String description, Edge edge, Direction direction,
                              String... settings) {
        return new RuleInfo(id, displayName, description, edge, direction, List.of(settings));
    }
}
