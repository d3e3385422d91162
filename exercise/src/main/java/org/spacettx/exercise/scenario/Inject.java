package org.spacettx.exercise.scenario;

import java.util.List;

/**
 * One MSEL entry: an inject sent by a cell to recipient cells through a channel, releasable under a marking, with the
 * player action it is meant to draw out and the objectives it serves.
 */
public record Inject(int number, String move, String sender, List<String> recipients, String channel, Text subject,
                     Text body, Marking marking, Text expectedAction, List<String> objectives, Trigger trigger,
                     List<Attachment> attachments) {

    public Inject {
        recipients = List.copyOf(recipients);
        objectives = List.copyOf(objectives);
        attachments = List.copyOf(attachments);
    }

    /** A picture generated from the space picture: a ground track map of an object over some hours. */
    public record Attachment(String kind, String object, double hours) {
    }
}
