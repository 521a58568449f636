package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told about every stored write, inside the write's critical section: must only record or schedule work. */
interface ObjectListener {

    void written(ResourceType type, ObjectNode stored);

    default void deleted(ResourceType type, ObjectNode removed) {
    }
}
