package fr.convergence.terrain.core.reference;

import fr.convergence.terrain.core.domain.Worksite;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTest {

    private static final Set<String> OFFICIAL_REGIONS = Set.of("Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté",
            "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie",
            "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur", "Guadeloupe",
            "Martinique", "Guyane", "La Réunion", "Mayotte");

    private final ReferenceData data = ReferenceData.load();

    @Test
    void holdsTheReportsFiftyNineWorksitesAndTwelveTerritories() {
        assertThat(data.worksites()).hasSize(59);
        assertThat(data.territories()).hasSize(12);
        assertThat(data.worksites()).extracting(Worksite::id).doesNotHaveDuplicates();
    }

    @Test
    void regionNamesAreTheOfficialOnesNotTheReportsAbbreviations() {
        assertThat(data.worksites()).extracting(Worksite::region).allMatch(OFFICIAL_REGIONS::contains);
        assertThat(data.territories()).allMatch(t -> OFFICIAL_REGIONS.contains(t.region()));
        assertThat(data.worksite("aurore-chelles")).get().extracting(Worksite::region).isEqualTo("Île-de-France");
    }

    @Test
    void cvgWorksitesBelongToTheirTerritory() {
        assertThat(data.worksitesOf("lille")).extracting(Worksite::city).contains("Lille", "Roubaix");
        assertThat(data.worksites()).filteredOn(Worksite::runsCvg).allMatch(w -> data.territory(w.territoryId()).isPresent());
        assertThat(data.figures()).filteredOn(f -> f.territoryId().equals("paris")).singleElement()
                .satisfies(f -> assertThat(f.phcEntries()).isNull());
    }
}
