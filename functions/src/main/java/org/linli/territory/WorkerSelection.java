package org.linli.territory;

import java.util.Optional;

/**
 * Picks the worker for a grid: the on-duty grid worker; the backup when he is on leave; the
 * community dispatcher when the grid has nobody available.
 */
public final class WorkerSelection {
    private WorkerSelection() {}

    public static WorkerChoice choose(Roster grid, Roster community) {
        Optional<RosterMember> onDuty = first(grid, StaffRole.GRID_WORKER, Duty.ON_DUTY);
        if (onDuty.isPresent()) return new WorkerChoice(onDuty.get(), WorkerChoice.Rule.ON_DUTY);
        Optional<RosterMember> backup = first(grid, StaffRole.GRID_WORKER, Duty.BACKUP);
        if (backup.isPresent()) return new WorkerChoice(backup.get(), WorkerChoice.Rule.BACKUP);
        Optional<RosterMember> dispatcher = first(community, StaffRole.DISPATCHER, Duty.ON_DUTY)
                .or(() -> first(community, StaffRole.DISPATCHER, Duty.BACKUP));
        return dispatcher.map(d -> new WorkerChoice(d, WorkerChoice.Rule.COMMUNITY_DISPATCHER))
                .orElseGet(() -> new WorkerChoice(null, WorkerChoice.Rule.NOBODY));
    }

    /**
     * The micro-grid leader (微网格长) to keep informed about a place: the one on duty, else his
     * backup. He never receives the case himself: cases go to grid workers.
     */
    public static Optional<RosterMember> microGridLeader(Roster microGrid) {
        return first(microGrid, StaffRole.MICRO_GRID_LEADER, Duty.ON_DUTY)
                .or(() -> first(microGrid, StaffRole.MICRO_GRID_LEADER, Duty.BACKUP));
    }

    private static Optional<RosterMember> first(Roster roster, StaffRole role, Duty duty) {
        if (roster == null) return Optional.empty();
        return roster.members().stream().filter(m -> m.role() == role && m.duty() == duty).findFirst();
    }
}
