package dev.ferry.app.common;

import dev.ferry.app.review.Approval;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.ObjectStatus;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** Small coloured labels for edges, statuses, approval states and severities. Colours live in workbench.css. */
public final class Badges {

    /**
     * One tooltip per edge, installed on every badge of that edge: a tooltip is a popup control, costly to create,
     * and the tree and the inspector make badges on every selection. Used on the FX thread only.
     */
    private static final Map<Edge, Tooltip> EDGE_TOOLTIPS = new EnumMap<>(Edge.class);

    private Badges() {
    }

    public static Label edge(Edge edge) {
        Label label = badge(edge.id(), "edge-" + edge.id());
        label.setTooltip(EDGE_TOOLTIPS.computeIfAbsent(edge,
                e -> new Tooltip("A change of the " + e.id() + " edge touches this object")));
        return label;
    }

    public static Label status(ObjectStatus status) {
        return badge(status.label(), "status-" + cssName(status.name()));
    }

    public static Label approval(Approval approval) {
        return badge(approval.label(), "approval-" + cssName(approval.name()));
    }

    public static Label severity(Severity severity) {
        return badge(severity.id(), "severity-" + severity.id());
    }

    /** Style class for a status or approval shown as plain text in a table cell. */
    public static String textClass(ObjectStatus status) {
        return "status-text-" + cssName(status.name());
    }

    public static String textClass(Approval approval) {
        return "approval-text-" + cssName(approval.name());
    }

    private static Label badge(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll("badge", styleClass);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    public static String cssName(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
