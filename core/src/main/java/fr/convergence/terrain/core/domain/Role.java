package fr.convergence.terrain.core.domain;

/** What a local user of a laptop does, which decides what they see. */
public enum Role {
    /** Éducateur·rice socio-professionnel·le: hours and short notes, on the worksite. */
    ESP("Éducateur·rice (ESP)"),
    /** Chargé·e d'insertion professionnelle: participant files, referrals. */
    CIP("Chargé·e d'insertion (CIP)"),
    /** Coordinator of a territory: sees every worksite of the territory, syncs, resolves conflicts. */
    COORDINATOR("Coordinateur·rice de territoire"),
    ADMIN("Administrateur·rice");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
