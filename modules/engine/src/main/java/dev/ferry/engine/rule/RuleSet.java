package dev.ferry.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.model.io.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of rules for one direction, read from data ({@code rulesets/<direction>.yaml} on the classpath):
 * the order in the file is the order the runner applies them, and so the order that wins a conflict.
 */
public record RuleSet(String name, Direction direction, List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** Whether this build carries a catalogue for the direction. */
    public static boolean available(Direction direction) {
        return RuleSet.class.getResource(resource(direction)) != null;
    }

    private static String resource(Direction direction) {
        return "/dev/ferry/engine/rulesets/" + direction.id() + ".yaml";
    }

    /** The built-in catalogue for a direction; check {@link #available} first. */
    public static RuleSet builtIn(Direction direction) {
        String resource = resource(direction);
        try (InputStream in = RuleSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing rule set resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleSet parse(String yaml) {
        JsonNode tree = Yaml.parse(yaml);
        Direction direction = Direction.fromId(tree.path("direction").asText());
        List<Rule> rules = new ArrayList<>();
        for (JsonNode id : tree.path("rules")) {
            Rule rule = RuleCatalog.find(id.asText()).orElseThrow(() ->
                    new IllegalStateException("rule set " + direction + " names unknown rule " + id.asText()));
            if (rule.info().direction() != direction) {
                throw new IllegalStateException("rule " + id.asText() + " is for " + rule.info().direction());
            }
            rules.add(rule);
        }
        return new RuleSet(tree.path("name").asText(direction.id()), direction, rules);
    }
}
