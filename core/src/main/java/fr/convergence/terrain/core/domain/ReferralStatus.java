package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** Where a referral to a partner stands. BROUILLON → ENVOYEE → EN_COURS → ACCEPTEE | REFUSEE | SANS_SUITE. */
public enum ReferralStatus {
    BROUILLON,
    ENVOYEE,
    EN_COURS,
    ACCEPTEE,
    REFUSEE,
    SANS_SUITE;

    public String label() {
        return Labels.french(this);
    }

    public boolean terminal() {
        return this == ACCEPTEE || this == REFUSEE || this == SANS_SUITE;
    }
}
