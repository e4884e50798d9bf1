package fr.convergence.terrain.core.verdict;

import java.util.Optional;

/**
 * What a service did with a change: the saved value (absent when refused) and the verdict to show, whose
 * warnings the user still reads after a save.
 */
public record Result<T>(Optional<T> value, Verdict verdict) {

    public static <T> Result<T> saved(T value, Verdict verdict) {
        return new Result<>(Optional.of(value), verdict);
    }

    public static <T> Result<T> refused(Verdict verdict) {
        if (verdict.saveAllowed()) {
            throw new IllegalArgumentException("A refusal needs a refusing verdict");
        }
        return new Result<>(Optional.empty(), verdict);
    }

    public boolean saved() {
        return value.isPresent();
    }
}
