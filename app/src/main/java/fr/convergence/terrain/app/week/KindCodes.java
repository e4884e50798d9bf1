package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.core.domain.HoursKind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The letters that say which kind of hours a cell gets, typed before the hours: nothing or C on the worksite,
 * E in a company, F in training, A justified absence, I (or AI) unjustified absence. "E4" is 4 h in a company.
 */
final class KindCodes {

    private static final Pattern PREFIX = Pattern.compile("\\s*([A-Za-z]{1,2})\\s*(.*)", Pattern.DOTALL);

    private KindCodes() {
    }

    /** What was typed: its kind and the hours text, or empty when the letters mean nothing. */
    record Typed(HoursKind kind, String hours) {
    }

    static Optional<Typed> parse(String text) {
        String value = text == null ? "" : text;
        Matcher matcher = PREFIX.matcher(value);
        if (!matcher.matches()) {
            return Optional.of(new Typed(HoursKind.TRAVAIL_CHANTIER, value));
        }
        HoursKind kind = switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
            case "c" -> HoursKind.TRAVAIL_CHANTIER;
            case "e" -> HoursKind.ENTREPRISE;
            case "f" -> HoursKind.FORMATION;
            case "a", "aj" -> HoursKind.ABSENCE_JUSTIFIEE;
            case "i", "ai" -> HoursKind.ABSENCE_INJUSTIFIEE;
            default -> null;
        };
        return kind == null ? Optional.empty() : Optional.of(new Typed(kind, matcher.group(2)));
    }

    /** The letter typed for a kind ("" for the worksite, the default). */
    static String code(HoursKind kind) {
        return switch (kind) {
            case TRAVAIL_CHANTIER -> "";
            case ENTREPRISE -> "E";
            case FORMATION -> "F";
            case ABSENCE_JUSTIFIEE -> "A";
            case ABSENCE_INJUSTIFIEE -> "I";
        };
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
