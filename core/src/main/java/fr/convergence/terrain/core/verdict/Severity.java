package fr.convergence.terrain.core.verdict;

/**
 * How serious a rule's finding is. Ordered from mildest to worst, so that combining verdicts keeps the worst.
 */
public enum Severity {
    /** Nothing to say: the change is saved. */
    OK,
    /** Saved, but shown in orange with its message (e.g. a PHC step target exceeded). */
    WARNING,
    /** Not saved, shown in red with its message saying what to do. */
    REFUSED
}
