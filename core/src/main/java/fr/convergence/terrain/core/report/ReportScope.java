package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.text.Labels;
import java.util.Objects;

/** What a report covers: one worksite, or every worksite of a territory (for its coordinator). */
public record ReportScope(Kind kind, String id, String name) {

    /** The two sizes of scope. */
    public enum Kind {
        WORKSITE,
        TERRITORY;

        public String label() {
            return Labels.french(this);
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

    /** "Territoire : Lille" (no-break space before the colon) */
    public String label() {
        return kind.label() + "\u00a0: " + name;
    }
}
