package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** What a participant's hours of a day were spent on. */
public enum HoursKind {
    TRAVAIL_CHANTIER(true),
    /** Immersion or progressive hiring in a company (e.g. Franprix half-days). */
    ENTREPRISE(true),
    FORMATION(true),
    ABSENCE_JUSTIFIEE(false),
    ABSENCE_INJUSTIFIEE(false);

    private final boolean worked;

    HoursKind(boolean worked) {
        this.worked = worked;
    }

    public String label() {
        return Labels.french(this);
    }

    /** Whether these hours count as worked time (towards the daily, weekly and step limits). */
    public boolean worked() {
        return worked;
    }
}
