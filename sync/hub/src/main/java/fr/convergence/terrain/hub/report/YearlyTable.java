package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.report.Report;
import java.util.List;

/**
 * One level of the yearly table for {@code year}: its lines (territories of the country, worksites of a territory, or
 * months of a worksite) and the total of the scope, each with the report of the same span one year before. {@code
 * total} is null on the country's page of a coordinator, who sees one territory and no national figure.
 */
public record YearlyTable(int year, Level level, String id, String title, List<Line> lines, Line total) {

    /** What the lines of a level are. */
    public enum Level {
        /** Lines are territories; the total is the country's. */
        NATIONAL("Territoire"),
        /** Lines are the territory's worksites. */
        TERRITORY("Chantier"),
        /** Lines are the worksite's months. */
        WORKSITE("Mois");

        private final String lineHeader;

        Level(String lineHeader) {
            this.lineHeader = lineHeader;
        }

        /** The header of the column that names the lines. */
        public String lineHeader() {
            return lineHeader;
        }
    }

    /** A line: what it is ({@code id}: territory, worksite, or yyyy-MM), its report and the year before's. */
    public record Line(String id, String label, Report current, Report previous) {
    }

    /** What the table shows, under its title on the console's page and in its PDF. */
    public String subtitle() {
        return switch (level) {
            case NATIONAL -> total != null ? "France entière, par territoire"
                    : "Votre territoire (le total national est réservé à l’équipe nationale)";
            case TERRITORY -> title + ", par chantier";
            case WORKSITE -> title + ", par mois";
        };
    }

    /** The figures a level shows: a worksite's months have no worksite count. */
    public List<YearlyFigure> figures() {
        return level == Level.WORKSITE
                ? List.of(YearlyFigure.values()).subList(1, YearlyFigure.values().length)
                : List.of(YearlyFigure.values());
    }
}
