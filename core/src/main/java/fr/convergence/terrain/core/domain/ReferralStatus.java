package fr.convergence.terrain.core.domain;

/** Where a referral to a partner stands. BROUILLON → ENVOYEE → EN_COURS → ACCEPTEE | REFUSEE | SANS_SUITE. */
public enum ReferralStatus {
    BROUILLON("Brouillon"),
    ENVOYEE("Envoyée"),
    EN_COURS("En cours"),
    ACCEPTEE("Acceptée"),
    REFUSEE("Refusée"),
    SANS_SUITE("Sans suite");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == ACCEPTEE || this == REFUSEE || this == SANS_SUITE;
    }
}
