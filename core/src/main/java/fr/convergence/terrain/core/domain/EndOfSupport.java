package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/**
 * When a person's support ended, gathered from their file: the latest of their enrolments' exits and of their
 * follow-ups' done days (the due day of one not done); none while an enrolment has no exit, and none when no
 * enrolment was ever entered (nothing says their support began). One definition for the laptop's retention and the
 * hub's, which withholds archived files from worksite laptops (docs/data-protection.md).
 */
public final class EndOfSupport {

    private boolean open;
    private LocalDate lastExit;
    private LocalDate lastFollowUp;

    /** Counts an enrolment (not deleted) ending on {@code exitDate}, or still open when null. */
    public EndOfSupport enrolment(LocalDate exitDate) {
        if (exitDate == null) {
            open = true;
        } else {
            lastExit = later(lastExit, exitDate);
        }
        return this;
    }

    /** Counts a follow-up (not deleted): over the day it was done, else the day it was due. */
    public EndOfSupport followUp(LocalDate due, LocalDate done) {
        lastFollowUp = later(lastFollowUp, done != null ? done : due);
        return this;
    }

    /** The day support ended; null while it goes on or when it never began. */
    public LocalDate ended() {
        return open || lastExit == null ? null : later(lastExit, lastFollowUp);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
