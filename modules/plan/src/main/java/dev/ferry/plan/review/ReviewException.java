package dev.ferry.plan.review;

import dev.ferry.plan.bundle.BundleException;

/** A review action that cannot be carried out, with a message for the reviewer saying why and what to do. */
public class ReviewException extends BundleException {

    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }
}
