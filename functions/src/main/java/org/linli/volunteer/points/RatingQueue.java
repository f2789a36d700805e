package org.linli.volunteer.points;

/** Where ratings go to be folded into members' aggregates; throws QueueUnavailable when it cannot take one. */
public interface RatingQueue {
    void send(RatingEvent event);
}
