package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static fr.convergence.terrain.core.domain.ReferralStatus.ACCEPTEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.BROUILLON;
import static fr.convergence.terrain.core.domain.ReferralStatus.ENVOYEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.EN_COURS;
import static fr.convergence.terrain.core.domain.ReferralStatus.REFUSEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.SANS_SUITE;

/**
 * The referral workflow: BROUILLON → ENVOYEE → EN_COURS → ACCEPTEE | REFUSEE | SANS_SUITE. Two shortcuts are
 * allowed on purpose: ENVOYEE → ACCEPTEE | REFUSEE | SANS_SUITE (many partners answer without an "en cours"
 * stage) and BROUILLON → SANS_SUITE (a draft abandoned before being sent). A referral never moves backwards
 * (sync relies on it to merge statuses) and nothing leaves a final status. Every move is dated and signed.
 * A creation ({@code from} null) starts at BROUILLON.
 */
public final class ReferralWorkflow {

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(BROUILLON, EnumSet.of(ENVOYEE, SANS_SUITE));
        NEXT.put(ENVOYEE, EnumSet.of(EN_COURS, ACCEPTEE, REFUSEE, SANS_SUITE));
        NEXT.put(EN_COURS, EnumSet.of(ACCEPTEE, REFUSEE, SANS_SUITE));
        NEXT.put(ACCEPTEE, EnumSet.noneOf(ReferralStatus.class));
        NEXT.put(REFUSEE, EnumSet.noneOf(ReferralStatus.class));
        NEXT.put(SANS_SUITE, EnumSet.noneOf(ReferralStatus.class));
    }

    private ReferralWorkflow() {
    }

    /** The statuses a referral in {@code status} may move to (empty for a final status). */
    public static Set<ReferralStatus> allowedNext(ReferralStatus status) {
        return Set.copyOf(NEXT.get(status));
    }

    public static boolean canMove(ReferralStatus from, ReferralStatus to) {
        return from == null ? to == BROUILLON : NEXT.get(from).contains(to);
    }

    /** A recorded change, as sync receives it. */
    public static Verdict checkChange(ReferralStatusChange change) {
        return checkTransition(change.from(), change.to(), change.changedOn(), change.changedBy());
    }

    /**
     * Why a move to {@code wanted} was refused when another laptop had already closed the referral: the final
     * status, the day it was recorded and the laptop it came from ({@code laptop} null when unknown), so that the
     * person whose move lost knows whom to ask.
     */
    public static String closedElsewhere(ReferralStatus closedAs, LocalDate on, String laptop, ReferralStatus wanted) {
        String where = laptop == null ? "sur un autre poste" : "sur le poste «\u00a0" + laptop + "\u00a0»";
        String when = on == null ? "" : " le " + Texts.date(on);
        return "Cette orientation a été close («\u00a0" + closedAs.label() + "\u00a0»)" + when + " " + where
                + "\u00a0: le passage à "
                + "«\u00a0" + wanted.label() + "\u00a0» n’est pas appliqué. Voyez avec ce poste\u00a0; créez une "
                + "nouvelle orientation si besoin.";
    }

    /** A move from {@code from} (null for a creation) to {@code to}, on {@code on}, by the user {@code by}. */
    public static Verdict checkTransition(ReferralStatus from, ReferralStatus to, LocalDate on, String by) {
        Verdict move;
        if (to == null) {
            move = Verdict.refused("Choisissez le nouveau statut de l’orientation.");
        } else if (canMove(from, to)) {
            move = Verdict.ok();
        } else if (from == null) {
            move = Verdict.refused("Une orientation commence au statut «\u00a0" + BROUILLON.label() + "\u00a0».");
        } else if (from == to) {
            move = Verdict.refused("L’orientation est déjà au statut «\u00a0" + to.label() + "\u00a0».");
        } else if (from.terminal()) {
            move = Verdict.refused("L’orientation est close "
                    + "(«\u00a0" + from.label() + "\u00a0»)\u00a0: son statut ne change plus. "
                    + "Créez une nouvelle orientation si besoin.");
        } else if (to.ordinal() < from.ordinal()) {
            move = Verdict.refused("Une orientation ne revient pas en arrière\u00a0: "
                    + "«\u00a0" + from.label() + "\u00a0» → «\u00a0"
                    + to.label() + "\u00a0» est impossible.");
        } else {
            move = Verdict.refused("Envoyez d’abord l’orientation\u00a0: "
                    + "«\u00a0" + from.label() + "\u00a0» ne peut pas passer à «\u00a0"
                    + to.label() + "\u00a0».");
        }
        Verdict date = on == null
                ? Verdict.refused("Indiquez la date du changement de statut.")
                : Verdict.ok();
        Verdict signature = by == null || by.isBlank()
                ? Verdict.refused("Un changement de statut doit être signé\u00a0: connectez-vous avec votre compte.")
                : Verdict.ok();
        return Verdict.all(move, date, signature);
    }
}
