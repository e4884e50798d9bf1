package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.text.Texts;

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

    /** A kind's hours as a cell shows them: "6 h" for the worksite, "Abs. I 3 h" for the others. */
    static String withHours(HoursKind kind, int minutes) {
        String label = shortLabel(kind);
        return label.isEmpty() ? Texts.hours(minutes) : label + " " + Texts.hours(minutes);
    }

    /** The kind menu's label in the middle of a sentence (after a colon, in lower case): "absence justifiée (A)". */
    static String inSentence(HoursKind kind) {
        String label = menuLabel(kind);
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(I18n.locale()) + label.substring(1);
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
