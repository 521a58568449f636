package dev.ferry.plan.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small text helpers shared by the renderers. */
final class ReportText {

    /** How many names of a kind group are listed before "and N more". */
    static final int NAMES_SHOWN = 30;

    private ReportText() {
    }

    static Map<String, List<ReportModel.ActionItem>> byEdge(List<ReportModel.ActionItem> actions) {
        Map<String, List<ReportModel.ActionItem>> byEdge = new LinkedHashMap<>();
        actions.forEach(a -> byEdge.computeIfAbsent(a.edge(), e -> new java.util.ArrayList<>()).add(a));
        return byEdge;
    }

    /**
     * The blockers of a wave as lines to read at a glance: undecided changes and action-required findings collected
     * into one line each (objects named), references one line each with their full explanation.
     */
    static List<String> blockerLines(List<ReportModel.Blocker> blockers) {
        List<String> lines = new java.util.ArrayList<>();
        List<String> pending = blockers.stream().filter(b -> b.kind().equals("PENDING_CHANGE"))
                .map(ReportModel.Blocker::object).distinct().toList();
        List<String> action = blockers.stream().filter(b -> b.kind().equals("ACTION_REQUIRED"))
                .map(ReportModel.Blocker::object).distinct().toList();
        if (!pending.isEmpty()) {
            lines.add("Undecided changes on " + count(pending.size(), "object") + ": " + codes(pending)
                    + ". Approve or reject them (`ferry diff BUNDLE --resource KIND/NS/NAME`, then `ferry approve` or "
                    + "`ferry reject`).");
        }
        if (!action.isEmpty()) {
            lines.add("Action required on " + count(action.size(), "object") + ": " + codes(action)
                    + ". Do what Needs a human says, then approve the change.");
        }
        blockers.stream().filter(b -> !b.kind().equals("PENDING_CHANGE") && !b.kind().equals("ACTION_REQUIRED"))
                .forEach(b -> lines.add(b.message()));
        return lines;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String codes(List<String> names) {
        String shown = String.join(", ", names.stream().limit(NAMES_SHOWN).map(n -> "`" + n + "`").toList());
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }

    static String names(List<String> names) {
        String shown = String.join(", ", names.stream().limit(NAMES_SHOWN).toList());
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }
}
