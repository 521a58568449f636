package dev.ferry.app.inspector;

import dev.ferry.plan.review.ReviewCommand;

/**
 * A question the view asks before a bulk action: "Approve 37 changes of the ingress edge?".
 *
 * @param title    the dialog's title
 * @param question the question, with the count
 * @param count    how many changes the action covers
 * @param command  what runs when the user says yes
 */
public record Confirmation(String title, String question, int count, ReviewCommand command) {
}
