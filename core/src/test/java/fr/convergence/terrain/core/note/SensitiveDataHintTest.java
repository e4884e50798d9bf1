package fr.convergence.terrain.core.note;

import fr.convergence.terrain.core.note.SensitiveDataHint.Category;
import fr.convergence.terrain.core.note.SensitiveDataHint.Match;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveDataHintTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Il m'a parlé de son diabète.|SANTE|diabète",
        "Suivi VIH à l'hôpital.|SANTE|VIH",
        "Épisode de dépression cet hiver|SANTE|dépression",
        "Elle est diabétique depuis peu|SANTE|diabétique",
        "Il est musulman pratiquant|RELIGION|musulman",
        "Pendant le Ramadan, horaires adaptés|RELIGION|Ramadan",
        "Personne d'origine étrangère|ORIGINE|origine",
        "Il se dit homosexuel|VIE_SEXUELLE|homosexuel",
        "Demande d'extrait de casier judiciaire|INFRACTIONS|casier judiciaire",
        "Elle a été condamnée en 2019|INFRACTIONS|condamnée",
        "Il a été CONDAMNÉ|INFRACTIONS|CONDAMNÉ",
        "Rendez-vous au SPIP jeudi|INFRACTIONS|SPIP",
        "Placé en garde à vue samedi|INFRACTIONS|garde à vue",
        "Problèmes de santé depuis l’hiver|SANTE|santé",
        "Des soucis de sante|SANTE|sante",
        "Rendez-vous chez le médecin traitant|SANTE|médecin",
        "Arrêt maladie de deux semaines|SANTE|maladie",
        "Suivi psychologique en cours|SANTE|psychologique",
        "Elle est enceinte|SANTE|enceinte",
        "Ses origines africaines|ORIGINE|origines",
        "Elle est croyante|RELIGION|croyante",
        "Il se dit athée|RELIGION|athée",
        "Militante dans un parti politique|OPINIONS|Militante",
        "Militante dans un parti politique|OPINIONS|parti politique",
        "Délégué syndical dans son ancien emploi|OPINIONS|syndical",
        "Adhérent CGT|OPINIONS|CGT",
        "Question sur son orientation sexuelle|VIE_SEXUELLE|orientation sexuelle",
        "Victime de violences sexuelles|VIE_SEXUELLE|sexuelles",
        "Convoqué au tribunal le 3 mai|INFRACTIONS|tribunal",
        "Mesure de contrôle judiciaire|INFRACTIONS|judiciaire",
        "Sa NIR est au dossier|NIR|NIR",
        "Numéro de sécurité sociale noté ici|NIR|Numéro de sécurité sociale",
        "NIR 1 84 12 75 123 456 42 à vérifier|NIR|1 84 12 75 123 456 42",
        "Né en Corse, 285032A12345678|NIR|285032A12345678",
        "Très paresseux ce matin|JUGEMENT|paresseux",
        "Elle est agressive avec l’équipe|JUGEMENT|agressive",
        "Une menteuse|JUGEMENT|menteuse",
        "Comportement hystérique|JUGEMENT|hystérique"
    })
    void sensitiveWordsAreFoundWhateverTheirCaseAccentsOrEnding(String text, Category category, String word) {
        assertThat(SensitiveDataHint.find(text)).contains(new Match(category, word));
    }

    @Test
    void accentsTypedOrNotMatchTheSameWord() {
        assertThat(SensitiveDataHint.find("diabete et depression")).extracting(Match::word)
                .containsExactly("diabete", "depression");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Point sur le projet professionnel : intérêt pour la logistique.",
        "Rappel du rendez-vous de bilan de santé proposé par la CPAM.",
        "Ouverture des droits à la complémentaire santé solidaire.",
        "Préparation du dossier de candidature, diagnostic socio-professionnel fait.",
        "Il prend le train de 7 h 12, ponctuel depuis trois semaines.",
        "Condition physique bonne, maladroit avec la débroussailleuse.",
        "Elle a organisé la journée portes ouvertes.",
        "Dossier envoyé à l’Assurance maladie pour la carte Vitale.",
        "Ouverture des droits santé à la CPAM.",
        "Procès-verbal de la réunion d’équipe signé.",
        "Rendez-vous le 12/03 à 10 h 30, 1 h de trajet."
    })
    void everydayNotesRaiseNoReminder(String text) {
        assertThat(SensitiveDataHint.find(text)).isEmpty();
        assertThat(SensitiveDataHint.check(text).isOk()).isTrue();
    }

    @Test
    void wordsAreMatchedWholeNotInsideOtherWords() {
        assertThat(SensitiveDataHint.find("le bailleur a mis un temps fou")).isEmpty();
        assertThat(SensitiveDataHint.find("Il vit à Vihiers")).isEmpty();
        assertThat(SensitiveDataHint.find("une rotation des équipes")).isEmpty();
    }

    @Test
    void theReminderIsAGentleWarningThatNamesTheWordsAndStillAllowsSaving() {
        Verdict verdict = SensitiveDataHint.check("Suivi de son diabète ; ancien détenu.");

        assertThat(verdict.isWarning()).isTrue();
        assertThat(verdict.saveAllowed()).isTrue();
        assertThat(verdict.text()).contains("factuelle", "«\u00a0diabète\u00a0»", "«\u00a0détenu\u00a0»", "santé",
                "infractions", "enregistrer la note telle quelle");
    }

    @Test
    void aWordRepeatedIsNamedOnce() {
        assertThat(SensitiveDataHint.find("VIH. Encore le VIH.")).hasSize(1);
    }

    @Test
    void emptyTextHasNothingToReport() {
        assertThat(SensitiveDataHint.find(null)).isEmpty();
        assertThat(SensitiveDataHint.check("  ").isOk()).isTrue();
    }
}
