package fr.convergence.terrain.core.reference;

import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.Worksite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The territories and worksites of the Convergence France 2023 activity report, shipped with the application
 * (regions normalised to their official names), so a laptop can be set up offline.
 */
public final class ReferenceData {

    private final List<Territory> territories;
    private final List<Worksite> worksites;
    private final List<TerritoryFigures> figures;

    /** Figures of the 2023 report for a territory; {@code phcEntries} is null where the report gives none. */
    public record TerritoryFigures(String territoryId, int worksites, int activeCaseload, Integer phcEntries) {
    }

    private ReferenceData(List<Territory> territories, List<Worksite> worksites, List<TerritoryFigures> figures) {
        this.territories = List.copyOf(territories);
        this.worksites = List.copyOf(worksites);
        this.figures = List.copyOf(figures);
    }

    public static ReferenceData load() {
        List<Territory> territories = new ArrayList<>();
        List<TerritoryFigures> figures = new ArrayList<>();
        for (String[] row : rows("territories.tsv")) {
            territories.add(new Territory(row[0], row[1], row[2]));
            figures.add(new TerritoryFigures(row[0], Integer.parseInt(row[3]), Integer.parseInt(row[4]),
                    row.length > 5 && !row[5].isBlank() ? Integer.valueOf(row[5]) : null));
        }
        List<Worksite> worksites = new ArrayList<>();
        for (String[] row : rows("worksites.tsv")) {
            worksites.add(new Worksite(row[0], row[1], row[2], row[3], row[4].isBlank() ? null : row[4], true,
                    Boolean.parseBoolean(row[5])));
        }
        return new ReferenceData(territories, worksites, figures);
    }

    public List<Territory> territories() {
        return territories;
    }

    public List<Worksite> worksites() {
        return worksites;
    }

    public List<TerritoryFigures> figures() {
        return figures;
    }

    public Optional<Territory> territory(String id) {
        return territories.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Worksite> worksite(String id) {
        return worksites.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    public List<Worksite> worksitesOf(String territoryId) {
        return worksites.stream().filter(w -> territoryId.equals(w.territoryId())).toList();
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reference data missing: " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
