package dev.ferry.cli;

import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.PlanWavesCommand;
import dev.ferry.plan.review.ReviewException;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.waves.Wave;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WavePlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry plan}: show the waves of a bundle, or compute them with {@code --auto}. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show the waves of a bundle: per wave its objects by kind and what blocks it. With --auto, "
                + "replace the waves with the automatic plan first (wave 0 platform prerequisites, then the stateless "
                + "namespaces, then each stateful workload on its own); the bundle's audit log records it."},
        footer = {"", "Blocked waves are listed with their blockers but are not an error: the plan is shown so the "
                + "blockers can be cleared (ferry apply refuses a blocked wave).",
                "Exit codes: 0 plan shown (blocked or not), 2 bad input (the bundle cannot be read or saved)."})
final class PlanCommand implements Callable<Integer> {

    /** Names shown per kind before "and N more". */
    private static final int NAMES_SHOWN = 8;

    @Parameters(paramLabel = "BUNDLE", description = "A bundle folder or a zip made by `ferry bundle pack`.")
    Path bundle;

    @Option(names = "--auto", description = "Compute the waves automatically (replaces the current plan).")
    boolean auto;

    @Option(names = "--by", paramLabel = "NAME",
            description = "Who plans, for the audit log (default: FERRY_REVIEWER, else your user name).")
    String by;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ReviewSession session = ReviewSession.open(bundle)) {
            BundleWarnings.print(err, session);
            if (auto) {
                session.execute(new PlanWavesCommand(by == null ? Reviewer.current() : by));
            }
            Optional<WavePlan> plan = session.plan();
            if (plan.isEmpty()) {
                out.println("No waves are planned yet. Run `ferry plan " + bundle + " --auto` to plan them.");
                return ExitCodes.OK;
            }
            print(out, plan.get(), session.blockers());
            return ExitCodes.OK;
        } catch (ReviewException e) {
            err.println("ferry plan: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (BundleException e) {
            err.println("ferry plan: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private static void print(PrintWriter out, WavePlan plan, List<WaveBlocker> blockers) {
        int blocked = 0;
        for (Wave wave : plan.waves()) {
            List<WaveBlocker> mine = blockers.stream().filter(b -> b.wave() == wave.number()).toList();
            blocked += mine.isEmpty() ? 0 : 1;
            out.printf("%s: %s, %d objects — %s%n", wave.label(), wave.kind().id(), wave.members().size(),
                    mine.isEmpty() ? "ready" : "BLOCKED (" + mine.size() + ")");
            byKind(wave.members()).forEach((kind, names) -> out.printf("    %-24s %d: %s%n", kind, names.size(),
                    shown(names)));
            for (WaveBlocker blocker : mine) {
                out.println("    blocked: " + blocker.message());
            }
        }
        out.printf("%d waves, %d blocked.%s%n", plan.size(), blocked, blocked == 0 ? ""
                : " Clear the blockers (approve or reject the changes, move objects between waves) before applying.");
    }

    private static Map<String, List<String>> byKind(List<ResourceKey> members) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (ResourceKey key : members) {
            byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>())
                    .add(key.clusterScoped() ? key.name() : key.namespace() + "/" + key.name());
        }
        return byKind;
    }

    private static String shown(List<String> names) {
        String head = String.join(", ", names.stream().limit(NAMES_SHOWN).toList());
        return names.size() > NAMES_SHOWN ? head + " and " + (names.size() - NAMES_SHOWN) + " more" : head;
    }
}
