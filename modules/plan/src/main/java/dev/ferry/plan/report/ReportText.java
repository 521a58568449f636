package dev.ferry.plan.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small text helpers shared by the renderers. */
final class ReportText {

    /** How many names of a kind group are listed before "and N more". */
    static final int NAMES_SHOWN = 30;
    private static final int BRIEF_LIMIT = 260;

    private ReportText() {
    }

    static Map<String, List<ReportModel.ActionItem>> byEdge(List<ReportModel.ActionItem> actions) {
        Map<String, List<ReportModel.ActionItem>> byEdge = new LinkedHashMap<>();
        actions.forEach(a -> byEdge.computeIfAbsent(a.edge(), e -> new java.util.ArrayList<>()).add(a));
        return byEdge;
    }

    /** Blocker messages repeat the finding in full; the runbook shows the start and points to the full text. */
    static String brief(String message) {
        if (message.length() <= BRIEF_LIMIT) {
            return message;
        }
        int cut = message.lastIndexOf(' ', BRIEF_LIMIT);
        String head = message.substring(0, cut < 0 ? BRIEF_LIMIT : cut);
        if (head.chars().filter(c -> c == '`').count() % 2 == 1) {
            head += "`";
        }
        return head + " … (in full under Needs a human)";
    }

    static String names(List<String> names) {
        String shown = String.join(", ", names.stream().limit(NAMES_SHOWN).toList());
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }
}
