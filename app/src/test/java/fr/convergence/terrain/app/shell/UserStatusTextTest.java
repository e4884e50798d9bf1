package fr.convergence.terrain.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status bar names the person and their role once, in the screens' language. */
class UserStatusTextTest {

    @AfterEach
    void backToFrench() {
        I18n.use(Locale.FRENCH);
    }

    @Test
    void theRoleIsSaidOnceAndInTheScreensLanguage() {
        User camille = new User("u1", "esp", "Camille Éducatrice (ESP)", Role.ESP, null, Set.of("w"), true);
        User sandrine = new User("u2", "coordination", "Sandrine Martin", Role.COORDINATOR, "t", Set.of(), true);

        assertThat(MainWindowViewModel.userText(camille)).isEqualTo("Session\u00a0: Camille Éducatrice (ESP)");
        assertThat(MainWindowViewModel.userText(sandrine))
                .isEqualTo("Session\u00a0: Sandrine Martin — Coordination de territoire");

        I18n.use(Locale.ENGLISH);
        assertThat(MainWindowViewModel.userText(sandrine)).isEqualTo("Signed in: Sandrine Martin — Territory coordination");
        assertThat(I18n.label(Role.CIP)).isEqualTo("Employment adviser (CIP)");
    }
}
