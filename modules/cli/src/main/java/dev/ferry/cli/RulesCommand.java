package dev.ferry.cli;

import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry rules}: the rule catalogue of a direction, in the order the rules run, from the rules' own metadata. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "Lists the rules of a direction's catalogue in the order they run, with what each one does.")
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--direction", paramLabel = "DIRECTION", defaultValue = "aks-to-eks",
            description = "aks-to-eks (default) or eks-to-aks.")
    String direction;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Direction chosen;
        try {
            chosen = Direction.fromId(direction);
        } catch (IllegalArgumentException e) {
            err.println("ferry rules: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!RuleSet.available(chosen)) {
            err.println("ferry rules: this version of Ferry has no rule catalogue for " + chosen + " yet.");
            return ExitCodes.BAD_INPUT;
        }
        String edge = "";
        for (Rule rule : RuleSet.builtIn(chosen).rules()) {
            RuleInfo info = rule.info();
            if (!info.edge().id().equals(edge)) {
                edge = info.edge().id();
                out.println();
                out.println(edge);
            }
            out.printf("  %-48s %s%n", info.id(), info.description());
            if (!info.settings().isEmpty()) {
                out.printf("  %-48s settings: %s%n", "", String.join(", ", info.settings()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
