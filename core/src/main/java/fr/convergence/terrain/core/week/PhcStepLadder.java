package fr.convergence.terrain.core.week;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The usual PHC progression of weekly targets, in hours (by default 4, 6, 8, 12, 16, 20). Configurable because
 * worksites adapt the pace to each person; every target stays within the PHC maximum of 20 h.
 */
public record PhcStepLadder(List<Integer> targets) {

    public static final PhcStepLadder DEFAULT = of(4, 6, 8, 12, 16, 20);

    public PhcStepLadder {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("A PHC ladder needs at least one step");
        }
        int previous = 0;
        for (int target : targets) {
            if (target <= previous || target > PhcRules.MAX_WEEKLY_HOURS) {
                throw new IllegalArgumentException("PHC step targets must increase within 1..20 h: " + targets);
            }
            previous = target;
        }
    }

    public static PhcStepLadder of(int... targets) {
        return new PhcStepLadder(Arrays.stream(targets).boxed().toList());
    }

    /** The target of a participant who has no step recorded yet. */
    public int first() {
        return targets.get(0);
    }

    /** The step after {@code currentTarget}, to suggest when the person is ready; empty at the top. */
    public OptionalInt next(int currentTarget) {
        return targets.stream().mapToInt(Integer::intValue).filter(t -> t > currentTarget).findFirst();
    }
}
