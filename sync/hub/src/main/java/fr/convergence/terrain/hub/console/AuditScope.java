package fr.convergence.terrain.hub.console;

import java.util.Set;

/**
 * The lines of the audit journal a coordinator reads: every line of {@code actors} (their territory's accounts), and
 * the lines of {@code outsiders} (national accounts, the command line) whose detail names one of {@code mentions} —
 * words of a detail as written, {@code territory=lille} or {@code worksite=abej-solidarite}: a national account's
 * enrolment codes, revocations, reads and exports on the territory. {@link #EVERYTHING} for a national account.
 */
public record AuditScope(Set<String> actors, Set<String> outsiders, Set<String> mentions) {

    /** Every line of the journal (null sets). */
    public static final AuditScope EVERYTHING = new AuditScope(null, null, null);

    public boolean everything() {
        return actors == null;
    }

    /** The word a detail holds when a line concerns this territory. */
    public static String territory(String territoryId) {
        return "territory=" + territoryId;
    }

    /** The word a detail holds when a line concerns this worksite. */
    public static String worksite(String worksiteId) {
        return "worksite=" + worksiteId;
    }
}
