package dev.ferry.app.task;

/** A submitted task: it can be cancelled; a cancelled task delivers neither its result nor its failure. */
public interface TaskHandle {

    void cancel();

    boolean isCancelled();

    boolean isDone();
}
