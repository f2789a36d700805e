package org.linli.territory;

/**
 * Who was chosen to receive a case and by which rule; recorded on the case. Assignment uses the
 * first four; the case workflow adds DISPATCHED (a dispatcher chose the person) and SELF (staff
 * took the case themselves).
 */
public record WorkerChoice(RosterMember worker, Rule rule) {
    public enum Rule { ON_DUTY, BACKUP, COMMUNITY_DISPATCHER, NOBODY, DISPATCHED, SELF }

    public boolean found() {
        return worker != null;
    }
}
