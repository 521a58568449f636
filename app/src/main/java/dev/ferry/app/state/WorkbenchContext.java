package dev.ferry.app.state;

import dev.ferry.app.error.ErrorReporter;
import dev.ferry.app.prefs.UserPreferences;
import dev.ferry.app.task.TaskRunner;

/**
 * What every view model gets: the shared state, the task runner, the error reporter and the user's preferences.
 *
 * @param state       the one observable workbench state
 * @param runner      background work
 * @param errors      where failures go
 * @param preferences reviewer name, theme, recent bundles
 */
public record WorkbenchContext(WorkbenchState state, TaskRunner runner, ErrorReporter errors,
                               UserPreferences preferences) {
}
