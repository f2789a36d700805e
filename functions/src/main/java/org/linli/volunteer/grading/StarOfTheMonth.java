package org.linli.volunteer.grading;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.linli.volunteer.points.MonthScore;

/**
 * 每月一星: the member with the most points in the community that month; ties go to more verified
 * service time, then to the lower member id (any fixed rule will do, as long as it is stated).
 * Nobody with zero or fewer points is a star.
 */
public final class StarOfTheMonth {
    static final Comparator<MonthScore> ORDER = Comparator.comparingInt(MonthScore::points).reversed()
            .thenComparing(Comparator.comparingInt(MonthScore::verifiedMinutes).reversed())
            .thenComparing(MonthScore::memberId);

    private StarOfTheMonth() {}

    public static Optional<MonthScore> pick(List<MonthScore> board) {
        return board.stream().filter(s -> s.points() > 0).min(ORDER);
    }
}
