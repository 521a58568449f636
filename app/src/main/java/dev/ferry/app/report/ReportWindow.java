package dev.ferry.app.report;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The bundle's report in its own window, rendered in a WebView, with "open in browser". */
public final class ReportWindow {

    private ReportWindow() {
    }

    public static Stage show(Window owner, String title, String html, Runnable openInBrowser) {
        WebView web = new WebView();
        web.setId("reportWebView");
        web.getEngine().loadContent(html);
        Button browser = new Button("Open in browser");
        browser.setId("reportOpenInBrowser");
        browser.setTooltip(new Tooltip("Open the report in your web browser"));
        browser.setOnAction(e -> openInBrowser.run());
        BorderPane root = new BorderPane(web);
        root.setId("reportWindow");
        root.setTop(new ToolBar(browser));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Report — " + title);
        Scene scene = new Scene(root, 1000, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
