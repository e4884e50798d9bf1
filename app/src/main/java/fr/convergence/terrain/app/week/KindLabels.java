package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.core.domain.HoursKind;

/**
 * How the week page names each kind of hours: the short label shown in a cell and the kind menu's entry, which
 * gives the letter to type ({@link fr.convergence.terrain.core.domain.HoursCell#letter}: "E4" is 4 h in a company).
 */
final class KindLabels {

    private KindLabels() {
    }

    /** The short label shown in a cell before the hours of a kind other than the worksite. */
    static String shortLabel(HoursKind kind) {
        return switch (kind) {
            case TRAVAIL_CHANTIER -> "";
            case ENTREPRISE -> I18n.t("week.kind.short.company");
            case FORMATION -> I18n.t("week.kind.short.training");
            case ABSENCE_JUSTIFIEE -> I18n.t("week.kind.short.justified");
            case ABSENCE_INJUSTIFIEE -> I18n.t("week.kind.short.unjustified");
        };
    }

    /** The label of a kind in the kind menu, with its letter. */
    static String menuLabel(HoursKind kind) {
        return switch (kind) {
            case TRAVAIL_CHANTIER -> I18n.t("week.kind.menu.worksite");
            case ENTREPRISE -> I18n.t("week.kind.menu.company");
            case FORMATION -> I18n.t("week.kind.menu.training");
            case ABSENCE_JUSTIFIEE -> I18n.t("week.kind.menu.justified");
            case ABSENCE_INJUSTIFIEE -> I18n.t("week.kind.menu.unjustified");
        };
    }
}
