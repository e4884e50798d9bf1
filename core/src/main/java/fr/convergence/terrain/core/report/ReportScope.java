package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.text.Labels;
import java.util.Objects;

/** What a report covers: one worksite, or every worksite of a territory (for its coordinator). */
public record ReportScope(Kind kind, String id, String name) {

    /** The sizes of scope: the laptops report on a worksite or a territory, the hub on the whole country too. */
    public enum Kind {
        WORKSITE,
        TERRITORY,
        NATIONAL;

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

    /** Every worksite the hub knows, for the national team's yearly table. */
    public static ReportScope national() {
        return new ReportScope(Kind.NATIONAL, "national", "France entière");
    }

    /** "Territoire : Lille" (no-break space before the colon); "Ensemble : France entière" */
    public String label() {
        return kind.label() + "\u00a0: " + name;
    }
}
