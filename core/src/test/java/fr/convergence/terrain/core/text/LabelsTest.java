package fr.convergence.terrain.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.erasure.RetentionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

/** Every enum of the core that has a label has it in French and in English, from the bundles, not the code. */
class LabelsTest {

    @Test
    void everyLabelledEnumConstantHasAFrenchAndAnEnglishLabel() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.convergence.terrain.core")) {
            if (!type.isEnum() || type.getMethods().stream().noneMatch(m -> m.getName().equals("label"))) {
                continue;
            }
            for (Object constant : type.reflect().getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                    try {
                        assertThat(Labels.of(value, locale)).isNotBlank();
                    } catch (MissingResourceException e) {
                        missing.add(locale + " " + Labels.key(value));
                    }
                }
                checked++;
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void labelIsFrenchAndScreensAskTheirLanguage() {
        assertThat(Role.COORDINATOR.label()).isEqualTo("Coordination de territoire");
        assertThat(Labels.of(Role.COORDINATOR, Locale.ENGLISH)).isEqualTo("Territory coordination");
        assertThat(Labels.key(RetentionService.Stage.ARCHIVED)).isEqualTo("RetentionService.Stage.ARCHIVED");
        assertThat(Labels.of(RetentionService.Stage.ARCHIVED, Locale.GERMAN)).isEqualTo("Archivé");
    }
}
