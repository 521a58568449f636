package dev.ferry.app.error;

import java.util.function.Supplier;
import javafx.util.Duration;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports failures in the app: ControlsFX notifications for expected ones, the error dialog for the unexpected. */
public final class FxErrorReporter implements ErrorReporter {

    private static final Logger LOG = LoggerFactory.getLogger(FxErrorReporter.class);

    private final Supplier<Window> owner;

    public FxErrorReporter(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void notify(String title, String message) {
        LOG.info("{}: {}", title, message);
        Window window = owner.get();
        Notifications notification = Notifications.create().title(title).text(message)
                .hideAfter(Duration.seconds(8));
        if (window != null) {
            notification.owner(window);
        }
        notification.showWarning();
    }

    @Override
    public void unexpected(String what, Throwable error) {
        LOG.error("{} failed unexpectedly", what, error);
        ErrorDialog.create(owner.get(), what, error).show();
    }
}
