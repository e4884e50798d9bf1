package fr.convergence.terrain.core.verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the rules say about a change: a {@link Severity} and the French messages to show the user.
 * Verdicts combine ({@link #and}, {@link #all}): the worst severity wins and every message is kept, so the
 * user sees all problems at once instead of fixing them one by one.
 */
public record Verdict(Severity severity, List<String> messages) {

    private static final Verdict OK = new Verdict(Severity.OK, List.of());

    public Verdict {
        Objects.requireNonNull(severity, "severity");
        messages = List.copyOf(messages);
        if (severity != Severity.OK && messages.isEmpty()) {
            throw new IllegalArgumentException("A warning or a refusal must tell the user why");
        }
    }

    public static Verdict ok() {
        return OK;
    }

    public static Verdict warning(String message) {
        return new Verdict(Severity.WARNING, List.of(message));
    }

    public static Verdict refused(String message) {
        return new Verdict(Severity.REFUSED, List.of(message));
    }

    /** All the verdicts together: the worst severity, and every message in order. */
    public static Verdict all(Verdict... verdicts) {
        return all(Arrays.asList(verdicts));
    }

    /** All the verdicts together: the worst severity, and every message in order. */
    public static Verdict all(Collection<Verdict> verdicts) {
        Severity worst = Severity.OK;
        List<String> messages = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict.severity.compareTo(worst) > 0) {
                worst = verdict.severity;
            }
            messages.addAll(verdict.messages);
        }
        return worst == Severity.OK ? OK : new Verdict(worst, messages);
    }

    /** This verdict and another one together (see {@link #all}). */
    public Verdict and(Verdict other) {
        return all(this, other);
    }

    public boolean isOk() {
        return severity == Severity.OK;
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public boolean isRefused() {
        return severity == Severity.REFUSED;
    }

    /** Whether the change may be stored (OK or WARNING). */
    public boolean saveAllowed() {
        return severity != Severity.REFUSED;
    }

    /** The messages as one text, one per line, for a tooltip or a dialog. */
    public String text() {
        return String.join("\n", messages);
    }
}
