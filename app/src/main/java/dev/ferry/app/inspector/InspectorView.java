package dev.ferry.app.inspector;

import dev.ferry.app.common.Badges;
import dev.ferry.app.review.Approval;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.plan.review.Decision;
import dev.ferry.plan.review.ReviewStatus;
import dev.ferry.plan.review.ReviewedChange;
import dev.ferry.plan.review.Verdict;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The change inspector on the right: the selected object's changes, findings and decisions, and the actions. */
public final class InspectorView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final InspectorViewModel model;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Button approve = new Button("Approve");
    private final Button reject = new Button("Reject");
    private final MenuButton approveAll = new MenuButton("Approve all…");
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final TextArea comment = new TextArea();
    private final VBox cards = new VBox(8);
    /** Shared by every card's rule name: cards are built on each selection, and a tooltip is costly to create. */
    private final Tooltip ruleTooltip = new Tooltip("The rule that made this change; `ferry rules` describes it");

    public InspectorView(InspectorViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId("inspectorPane");
        title.setId("inspectorTitle");
        subtitle.setId("inspectorSubtitle");
        approve.setId("approveObject");
        reject.setId("rejectObject");
        approveAll.setId("approveAllMenu");
        undo.setId("undoButton");
        redo.setId("redoButton");
        comment.setId("commentField");
        cards.setId("inspectorChanges");

        title.getStyleClass().add("object-title");
        title.setWrapText(true);
        subtitle.getStyleClass().add("change-rationale");
        subtitle.setWrapText(true);
        approve.getStyleClass().add("success");
        reject.getStyleClass().add("danger");
        approve.setTooltip(new Tooltip("Approve every change of this object (A or Ctrl+Enter)"));
        reject.setTooltip(new Tooltip("Reject every change of this object: the target keeps the source's form (R)"));
        approveAll.setTooltip(new Tooltip("Approve every change of an edge, or of this namespace, after a confirmation"));
        undo.setTooltip(new Tooltip("Undo the last decision (Ctrl+Z)"));
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z)"));
        comment.setPromptText("Comment recorded with your next decision (C to focus)");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actionsRow = new HBox(6, approve, reject, approveAll);
        actionsRow.setAlignment(Pos.CENTER_LEFT);
        HBox historyRow = new HBox(6, undo, redo);
        VBox head = new VBox(6, title, subtitle, actionsRow, comment, historyRow);
        head.setPadding(new Insets(8));
        setTop(head);

        cards.setPadding(new Insets(8));
        cards.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        setMinWidth(260);
    }

    private void bindViewModel() {
        title.textProperty().bind(model.titleProperty());
        subtitle.textProperty().bind(model.subtitleProperty());
        approve.disableProperty().bind(model.decidableProperty().not());
        reject.disableProperty().bind(model.decidableProperty().not());
        approveAll.disableProperty().bind(model.objectProperty().isNull());
        undo.disableProperty().bind(model.canUndoProperty().not());
        redo.disableProperty().bind(model.canRedoProperty().not());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(javafx.beans.binding.Bindings.concat(model.undoTextProperty(), " (Ctrl+Z)"));
        undo.setTooltip(undoTip);
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty().bind(javafx.beans.binding.Bindings.concat(model.redoTextProperty(), " (Ctrl+Shift+Z)"));
        redo.setTooltip(redoTip);
        comment.textProperty().bindBidirectional(model.commentProperty());
        approve.setOnAction(e -> model.approveObject());
        reject.setOnAction(e -> model.rejectObject());
        undo.setOnAction(e -> model.undo());
        redo.setOnAction(e -> model.redo());
        model.changes().addListener((ListChangeListener<ReviewedChange>) c -> showCards());
        model.edges().addListener((ListChangeListener<Edge>) c -> fillApproveAll());
        model.objectProperty().addListener(o -> fillApproveAll());
        model.confirmationProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ask(now);
            }
        });
        showCards();
        fillApproveAll();
    }

    /** Focuses the comment field (C). */
    public void focusComment() {
        comment.requestFocus();
    }

    private void fillApproveAll() {
        approveAll.getItems().clear();
        for (Edge edge : model.edges()) {
            MenuItem item = new MenuItem("Every " + edge.id() + " change in the review…");
            item.setId("approveEdge-" + edge.id());
            item.setOnAction(e -> model.requestApproveEdge(edge));
            approveAll.getItems().add(item);
        }
        if (model.objectProperty().get() != null) {
            if (!approveAll.getItems().isEmpty()) {
                approveAll.getItems().add(new SeparatorMenuItem());
            }
            String ns = model.objectProperty().get().namespace();
            MenuItem item = new MenuItem(ns.isEmpty() ? "Every change of cluster-scoped objects…"
                    : "Every change in namespace " + ns + "…");
            item.setId("approveNamespace");
            item.setOnAction(e -> model.requestApproveNamespace());
            approveAll.getItems().add(item);
        }
    }

    private void ask(Confirmation confirmation) {
        Alert alert = new Alert(confirmation.count() > 0 ? Alert.AlertType.CONFIRMATION : Alert.AlertType.INFORMATION);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.title());
        alert.setContentText(confirmation.count() > 0 ? confirmation.question() : "There is nothing to approve.");
        alert.getDialogPane().setId("confirmDialog");
        Button ok = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmOk");
        if (confirmation.count() > 0) {
            ok.setText(String.format(Locale.ROOT, "Approve %,d", confirmation.count()));
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == ButtonType.OK) {
                model.confirm();
            } else {
                model.dismissConfirmation();
            }
        });
        alert.show();
    }

    private void showCards() {
        cards.getChildren().clear();
        if (model.changes().isEmpty()) {
            Label empty = new Label(model.objectProperty().get() == null ? "" : "No rule changes this object.");
            empty.getStyleClass().add("placeholder-text");
            cards.getChildren().add(empty);
            return;
        }
        int index = 0;
        for (ReviewedChange change : model.changes()) {
            cards.getChildren().add(card(change, index++));
        }
    }

    private VBox card(ReviewedChange reviewed, int index) {
        var change = reviewed.change();
        Label approval = Badges.approval(Approval.of(reviewed.status()));
        approval.setId("changeStatus-" + index);
        Label rule = new Label(change.rule());
        rule.getStyleClass().add("change-rule");
        rule.setTooltip(ruleTooltip);
        HBox header = new HBox(6, Badges.edge(change.edge()), approval, rule);
        header.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label(change.summary());
        summary.getStyleClass().add("change-summary");
        summary.setWrapText(true);
        Label rationale = new Label(change.rationale());
        rationale.getStyleClass().add("change-rationale");
        rationale.setWrapText(true);
        VBox card = new VBox(6, header, summary);
        if (!change.rationale().isBlank()) {
            card.getChildren().add(rationale);
        }
        for (Finding finding : change.findings()) {
            Label message = new Label(finding.message()
                    + (finding.settingKey().isEmpty() ? "" : "  (setting: " + finding.settingKey() + ")"));
            message.setWrapText(true);
            HBox.setHgrow(message, Priority.ALWAYS);
            HBox line = new HBox(6, Badges.severity(finding.severity()), message);
            line.setAlignment(Pos.TOP_LEFT);
            line.getStyleClass().add("finding");
            card.getChildren().add(line);
        }
        reviewed.decision().ifPresent(decision -> card.getChildren().add(decisionLine(reviewed, decision)));
        if (!reviewed.applies()) {
            Label note = new Label("⚠ This hand edit no longer applies: " + reviewed.note());
            note.getStyleClass().add("changed-since");
            note.setWrapText(true);
            card.getChildren().add(note);
        }
        Button approveOne = new Button("Approve");
        approveOne.setId("approveChange-" + index);
        approveOne.getStyleClass().addAll("small", "success");
        approveOne.setDisable(reviewed.status() == ReviewStatus.APPROVED);
        approveOne.setOnAction(e -> model.approveChange(reviewed.id()));
        Button rejectOne = new Button("Reject");
        rejectOne.setId("rejectChange-" + index);
        rejectOne.getStyleClass().addAll("small", "danger");
        rejectOne.setDisable(reviewed.status() == ReviewStatus.REJECTED);
        rejectOne.setOnAction(e -> model.rejectChange(reviewed.id()));
        FlowPane buttons = new FlowPane(6, 6, approveOne, rejectOne);
        card.getChildren().add(buttons);
        card.getStyleClass().add("change-card");
        card.setId("changeCard-" + index);
        return card;
    }

    private static Label decisionLine(ReviewedChange reviewed, Decision decision) {
        String verb = decision.verdict() == Verdict.APPROVED ? "approved" : "rejected";
        String when = WHEN.format(decision.at());
        String comment = decision.comment().isBlank() ? "" : " — “" + decision.comment() + "”";
        Label line;
        if (reviewed.status() == ReviewStatus.CHANGED_SINCE_DECIDED) {
            line = new Label("⚠ Changed since " + decision.by() + " " + verb + " it on " + when + comment
                    + ". The decision no longer counts: look at it again.");
            line.getStyleClass().add("changed-since");
        } else {
            line = new Label(capital(verb) + " by " + decision.by() + " on " + when + comment);
            line.getStyleClass().add("change-rationale");
        }
        line.setId("decisionLine");
        line.setWrapText(true);
        return line;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
