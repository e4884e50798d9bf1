package fr.convergence.terrain.core.domain;

/** What a participant's hours of a day were spent on. */
public enum HoursKind {
    TRAVAIL_CHANTIER("Travail sur le chantier", true),
    /** Immersion or progressive hiring in a company (e.g. Franprix half-days). */
    ENTREPRISE("En entreprise", true),
    FORMATION("Formation", true),
    ABSENCE_JUSTIFIEE("Absence justifiée", false),
    ABSENCE_INJUSTIFIEE("Absence injustifiée", false);

    private final String label;
    private final boolean worked;

    HoursKind(String label, boolean worked) {
        this.label = label;
        this.worked = worked;
    }

    public String label() {
        return label;
    }

    /** Whether these hours count as worked time (towards the daily, weekly and step limits). */
    public boolean worked() {
        return worked;
    }
}
