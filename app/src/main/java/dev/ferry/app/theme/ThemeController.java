package dev.ferry.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ferry.app.state.WorkbenchState;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Applies the state's theme (AtlantaFX Primer light or dark) and presentation mode to a scene. */
public final class ThemeController {

    static final String WORKBENCH_CSS = "/dev/ferry/app/workbench.css";
    static final String PRESENTATION_CSS = "/dev/ferry/app/presentation.css";
    /** The style class presentation mode puts on the scene's root. */
    public static final String PRESENTATION = "presentation";

    private ThemeController() {
    }

    /** Styles {@code scene} now and whenever the theme or presentation mode changes. */
    public static void attach(Scene scene, WorkbenchState state) {
        scene.getStylesheets().addAll(css(WORKBENCH_CSS), css(PRESENTATION_CSS));
        applyTheme(state.themeProperty().get());
        state.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        applyPresentation(scene, state.presentationProperty().get());
        state.presentationProperty().addListener((obs, old, now) -> applyPresentation(scene, now));
        scene.rootProperty().addListener((obs, old, now) -> applyPresentation(scene, state.presentationProperty().get()));
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static void applyPresentation(Scene scene, boolean on) {
        if (scene.getRoot() == null) {
            return;
        }
        if (on && !scene.getRoot().getStyleClass().contains(PRESENTATION)) {
            scene.getRoot().getStyleClass().add(PRESENTATION);
        } else if (!on) {
            scene.getRoot().getStyleClass().remove(PRESENTATION);
        }
    }

    private static String css(String resource) {
        return Objects.requireNonNull(ThemeController.class.getResource(resource), resource).toExternalForm();
    }
}
