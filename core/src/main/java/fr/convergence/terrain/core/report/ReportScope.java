package fr.convergence.terrain.core.report;

import java.util.Objects;

/** What a report covers: one worksite, or every worksite of a territory (for its coordinator). */
public record ReportScope(Kind kind, String id, String name) {

    /** The two sizes of scope. */
    public enum Kind {
        WORKSITE("Chantier"),
        TERRITORY("Territoire");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ReportScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }

    public static ReportScope worksite(String id, String name) {
        return new ReportScope(Kind.WORKSITE, id, name);
    }

    public static ReportScope territory(String id, String name) {
        return new ReportScope(Kind.TERRITORY, id, name);
    }

    /** "Territoire : Lille" */
    public String label() {
        return kind.label() + " : " + name;
    }
}
