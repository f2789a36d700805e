package org.linli.territory;

/** Who was chosen to receive a case and by which rule; recorded on the case. */
public record WorkerChoice(RosterMember worker, Rule rule) {
    public enum Rule { ON_DUTY, BACKUP, COMMUNITY_DISPATCHER, NOBODY }

    public boolean found() {
        return worker != null;
    }
}
