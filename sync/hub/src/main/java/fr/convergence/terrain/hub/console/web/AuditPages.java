package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.AuditScope;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.console.web.ConsoleWeb.Signed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's audit journal ({@code hub_audit}), newest first, {@link #PAGE_SIZE} lines a page: a national account
 * reads every line, a coordinator those of the accounts of their territory (their own and their colleagues') and the
 * national team's and command line's actions on their territory ({@link #scope}).
 */
final class AuditPages {

    static final String PATH = ConsoleWeb.ROOT + "/journal";
    static final int PAGE_SIZE = 50;

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("sign-in", "Connexion"),
            Map.entry("sign-in-password-accepted", "Mot de passe accepté, code attendu"),
            Map.entry("sign-in-refused", "Connexion refusée"),
            Map.entry("sign-in-delayed", "Connexion différée (trop d’essais)"),
            Map.entry("sign-out", "Déconnexion"),
            Map.entry("session-expired", "Session expirée"),
            Map.entry("csrf-refused", "Formulaire refusé (jeton anti-CSRF)"),
            Map.entry("access-refused", "Accès refusé (hors périmètre)"),
            Map.entry("enrolment-code-issued", "Code d’enrôlement émis"),
            Map.entry("device-revoked", "Poste révoqué"),
            Map.entry("account-added", "Compte créé"),
            Map.entry("account-disabled", "Compte désactivé"),
            Map.entry("password-changed", "Mot de passe changé"),
            Map.entry("password-change-refused", "Changement de mot de passe refusé"),
            Map.entry("yearly-table-read", "Tableau annuel consulté"),
            Map.entry("yearly-table-exported", "Tableau annuel exporté"),
            Map.entry("monthly-statement-read", "Relevé mensuel consulté"),
            Map.entry("monthly-statement-exported", "Relevé mensuel exporté"));
    /** The actor of the lines written by {@code terrain-hub} on the server. */
    private static final String COMMAND_LINE = "cli";

    private final ConsoleWeb web;
    private final ConsoleStore console;

    AuditPages(ConsoleWeb web, ConsoleStore console) {
        this.web = web;
        this.console = console;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::journal);
    }

    /**
     * The lines this account reads: every line for a national account; for a coordinator, their territory's
     * accounts' lines and the national accounts' and command line's lines that name the territory or one of its
     * worksites (an enrolment code, a revocation, a page read, an export). Another territory's coordinator's lines
     * stay out, even a refusal on this territory: they are that territory's business.
     */
    private AuditScope scope(ConsoleAccount account) {
        if (account.role() == ConsoleAccount.Role.NATIONAL) {
            return AuditScope.EVERYTHING;
        }
        String territory = account.territoryId();
        Set<String> colleagues = new TreeSet<>();
        Set<String> outsiders = new TreeSet<>(Set.of(COMMAND_LINE));
        for (ConsoleAccount a : console.accounts()) {
            if (territory.equals(a.territoryId())) {
                colleagues.add(a.login());
            } else if (a.role() == ConsoleAccount.Role.NATIONAL) {
                outsiders.add(a.login());
            }
        }
        Set<String> mentions = new TreeSet<>(Set.of(AuditScope.territory(territory)));
        console.allWorksites().stream().filter(w -> territory.equals(w.territoryId()))
                .forEach(w -> mentions.add(AuditScope.worksite(w.id())));
        return new AuditScope(colleagues, outsiders, mentions);
    }

    private void journal(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        AuditScope scope = scope(signed.account());
        int total = console.auditCount(scope);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page;
        try {
            page = Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        page = Math.max(1, Math.min(page, pages));
        List<AuditEntry> entries = console.auditJournal(scope, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        Html html = new Html().element("h1", "Journal de la console")
                .element("p", scope.everything()
                        ? "Toutes les connexions et actions de la console et de la ligne de commande, les plus "
                        + "récentes d’abord. Des identifiants seulement, jamais un nom ni un libellé."
                        : "Les connexions et actions des comptes de votre territoire, et celles de l’équipe nationale "
                        + "et de la ligne de commande qui concernent votre territoire ou ses chantiers (codes "
                        + "d’enrôlement, révocations, relevés consultés, exports), les plus récentes d’abord. Des "
                        + "identifiants seulement, jamais un nom ni un libellé.", "class", "note");
        if (entries.isEmpty()) {
            html.element("p", "Le journal est vide.");
        } else {
            html.raw("<table id=\"journal\"><thead><tr><th scope=\"col\">Quand</th><th scope=\"col\">Qui</th>"
                    + "<th scope=\"col\">Action</th><th scope=\"col\">Détail</th></tr></thead><tbody>");
            for (AuditEntry e : entries) {
                html.open("tr").element("td", ConsoleWeb.dateTime(e.at()))
                        .element("td", "-".equals(e.actor()) ? "identifiant inconnu" : e.actor())
                        .open("td").text(ACTIONS.getOrDefault(e.action(), e.action())).raw(" ")
                        .element("code", e.action()).close("td")
                        .element("td", e.detail()).close("tr");
            }
            html.raw("</tbody></table>");
        }
        html.open("nav", "class", "pages", "aria-label", "Pages du journal").open("p");
        if (page > 1) {
            html.element("a", "← Plus récentes", "href", PATH + "?page=" + (page - 1)).raw(" · ");
        }
        html.text("Page " + page + " sur " + pages + " (" + (total == 1 ? "1 ligne" : total + " lignes") + ")");
        if (page < pages) {
            html.raw(" · ").element("a", "Plus anciennes →", "href", PATH + "?page=" + (page + 1));
        }
        html.close("p").close("nav");
        web.page(ctx, 200, "Journal", signed, html);
    }
}
