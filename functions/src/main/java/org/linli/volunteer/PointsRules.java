package org.linli.volunteer;

import java.util.Map;

/**
 * How points are earned: per verified hour (prorated by the minute, rounded down), per fulfilled
 * wish, and a bonus or deduction per rating score. {@code monthlyCap} bounds the positive points
 * a member earns in one month; deductions are never capped.
 */
public record PointsRules(int perVerifiedHour, int perFulfilledWish, Map<Integer, Integer> ratingPoints, int monthlyCap) {
    public PointsRules {
        ratingPoints = Map.copyOf(ratingPoints);
        for (int s = 1; s <= 5; s++) {
            if (!ratingPoints.containsKey(s)) throw new IllegalArgumentException("ratingPoints needs a value for score " + s);
        }
        if (perVerifiedHour < 0 || perFulfilledWish < 0 || monthlyCap <= 0) throw new IllegalArgumentException("points must not be negative");
    }

    public int forVerifiedMinutes(int minutes) {
        return minutes * perVerifiedHour / 60;
    }

    public int forRating(int score) {
        return ratingPoints.get(score);
    }
}
