package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.MonthlyStatementCsv;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.console.web.ConsoleWeb.Signed;
import fr.convergence.terrain.hub.report.MonthlyStatements;
import fr.convergence.terrain.hub.report.YearlyTables;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monthly hours statement of a worksite on the console ({@code ?chantier=ID&mois=2026-11}): what the worksite's
 * laptops compute on their Rapports page, from the hub's copy of its rows, by {@link MonthlyStatements} — but figures
 * only: a row number and the participant's id, never a name or a note. A coordinator reads their territory's
 * worksites only (403 elsewhere, journaled); every read and every CSV export is journaled with the worksite's id,
 * so that the territory's coordinator sees a national account's reads of it in their journal.
 */
final class MonthlyStatementPages {

    static final String PATH = ConsoleWeb.ROOT + "/releve-mensuel";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ConsoleWeb web;
    private final ConsoleStore console;
    private final MonthlyStatements statements;
    private final Clock clock;

    MonthlyStatementPages(ConsoleWeb web, ConsoleStore console, MonthlyStatements statements, Clock clock) {
        this.web = web;
        this.console = console;
        this.statements = statements;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::page);
    }

    /** The statement's address for a worksite and a month. */
    static String href(String worksiteId, YearMonth month) {
        return PATH + "?chantier=" + worksiteId + "&mois=" + month;
    }

    private void page(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        String worksiteId = ctx.queryParam("chantier");
        String asked = ctx.queryParam("mois");
        YearMonth thisMonth = YearMonth.now(clock.withZone(PARIS));
        if (worksiteId == null || worksiteId.isBlank()) {
            Html html = new Html().element("h1", "Relevé mensuel des heures");
            chooser(html, signed, null, asked == null ? thisMonth.toString() : asked);
            web.page(ctx, 200, "Relevé mensuel", signed, html);
            return;
        }
        WorksiteInfo worksite = web.allowedWorksite(signed, worksiteId.strip());
        Optional<YearMonth> month = asked == null || asked.isBlank() ? Optional.of(thisMonth)
                : MonthlyStatements.month(asked);
        if (month.isEmpty()) {
            Html html = new Html().element("h1", "Relevé mensuel des heures")
                    .element("p", "«\u00a0" + asked + "\u00a0» n’est pas un mois\u00a0: indiquez-le sous la forme "
                            + "année-mois, par exemple " + thisMonth + ".", "class", "error", "role", "alert");
            chooser(html, signed, worksite.id(), thisMonth.toString());
            web.page(ctx, 400, "Relevé mensuel", signed, html);
            return;
        }
        MonthlyStatement statement = statements.statement(worksite, month.get());
        boolean csv = "csv".equals(ctx.queryParam("format"));
        console.audit(new AuditEntry(clock.millis(), signed.account().login(),
                csv ? "monthly-statement-exported" : "monthly-statement-read",
                "worksite=" + worksite.id() + " month=" + month.get() + (csv ? " format=csv" : "")));
        if (csv) {
            Csv.send(ctx, "releve-mensuel-" + worksite.id().replaceAll("[^a-z0-9-]", "") + "-" + month.get()
                    + ".csv", MonthlyStatementCsv.headerById(), MonthlyStatementCsv.linesById(statement));
            return;
        }
        show(ctx, signed, worksite, statement);
    }

    private void show(Context ctx, Signed signed, WorksiteInfo worksite, MonthlyStatement statement) {
        YearMonth month = statement.month();
        String territory = worksite.territoryId() == null ? YearlyTablePages.NO_TERRITORY : worksite.territoryId();
        String title = "Relevé mensuel des heures · " + statement.worksiteName() + " · "
                + YearlyTables.monthName(month);
        Html html = new Html().raw("<nav aria-label=\"Fil d’Ariane\" class=\"breadcrumb\"><p>")
                .element("a", "Tableau annuel", "href", YearlyTablePages.PATH + "?annee=" + month.getYear())
                .raw(" › ")
                .element("a", web.territoryName(worksite.territoryId()), "href", YearlyTablePages.PATH
                        + "/territoires/" + territory + "?annee=" + month.getYear()).raw(" › ")
                .element("a", statement.worksiteName(), "href", YearlyTablePages.PATH + "/chantiers/"
                        + worksite.id() + "?annee=" + month.getYear()).raw(" › ")
                .text(YearlyTables.monthName(month)).raw("</p></nav>")
                .element("h1", title);
        chooser(html, signed, worksite.id(), month.toString());
        MonthlyStatement.Totals totals = statement.totals();
        html.element("p", "Chiffres calculés par le même calculateur que le relevé mensuel des postes, sur les "
                        + "données synchronisées avec le hub\u00a0; les personnes sont désignées par leur identifiant, "
                        + "sans nom ni note. Définitions\u00a0: docs/indicators.md, «\u00a0Relevé mensuel des "
                        + "heures\u00a0». ETP\u00a0: 151,67\u00a0heures travaillées dans le mois.", "class", "hint")
                .element("p", totals.people() + (totals.people() > 1 ? " personnes" : " personne")
                        + " sous contrat (" + contracts(totals.peopleByContract()) + ")\u00a0; "
                        + totals.entries() + (totals.entries() > 1 ? " entrées" : " entrée") + ", "
                        + totals.exits() + (totals.exits() > 1 ? " sorties" : " sortie") + "\u00a0; "
                        + Texts.hours(Math.toIntExact(totals.workedMinutes())) + " travaillées, soit "
                        + fte(totals.fte()) + "\u00a0ETP.", "id", "synthese");
        table(html, statement);
        html.open("p", "class", "actions")
                .element("a", "Télécharger ce relevé (CSV pour Excel)", "href",
                        href(worksite.id(), month) + "&format=csv").raw(" · ")
                .element("a", "← " + YearlyTables.monthName(month.minusMonths(1)), "href",
                        href(worksite.id(), month.minusMonths(1))).raw(" · ")
                .element("a", YearlyTables.monthName(month.plusMonths(1)) + " →", "href",
                        href(worksite.id(), month.plusMonths(1)))
                .close("p");
        web.page(ctx, 200, "Relevé mensuel · " + statement.worksiteName(), signed, html);
    }

    /** The form that picks a worksite among those the account sees, and a month. */
    private void chooser(Html html, Signed signed, String chosenWorksite, String month) {
        html.open("form", "method", "get", "action", PATH, "class", "year")
                .element("label", "Chantier", "for", "chantier")
                .open("select", "id", "chantier", "name", "chantier", "required", "required");
        for (Map.Entry<String, List<WorksiteInfo>> territory : web.visibleWorksites(signed.account()).entrySet()) {
            html.open("optgroup", "label", web.territoryName(territory.getKey()));
            for (WorksiteInfo w : territory.getValue()) {
                if (w.id().equals(chosenWorksite)) {
                    html.open("option", "value", w.id(), "selected", "selected");
                } else {
                    html.open("option", "value", w.id());
                }
                html.text(ConsoleWeb.worksiteName(w)).close("option");
            }
            html.close("optgroup");
        }
        html.close("select")
                // A text field, not type=month: the browser would name the month in its own language.
                .element("label", "Mois (aaaa-mm)", "for", "mois")
                .open("input", "type", "text", "id", "mois", "name", "mois", "value", month, "required", "required",
                        "pattern", "[0-9]{4}-[0-9]{2}", "inputmode", "numeric", "maxlength", "7")
                .element("button", "Afficher", "type", "submit").close("form");
    }

    private static void table(Html html, MonthlyStatement statement) {
        html.open("table", "class", "yearly", "id", "releve-mensuel")
                .element("caption", "Relevé mensuel des heures · " + statement.worksiteName() + " · "
                        + YearlyTables.monthName(statement.month()))
                .raw("<thead><tr>");
        html.element("th", "N°", "scope", "col").element("th", "Participant", "scope", "col", "class", "text")
                .element("th", "Contrat", "scope", "col", "class", "text");
        for (String header : List.of("Entrée", "Fin prévue", "Heures par semaine", "Palier PHC")) {
            html.element("th", header, "scope", "col");
        }
        for (HoursKind kind : MonthlyStatement.kinds()) {
            html.element("th", kind.label(), "scope", "col");
            if (kind == HoursKind.FORMATION) {
                html.element("th", "Heures travaillées", "scope", "col");
            }
        }
        html.open("th", "scope", "col").element("abbr", "ETP", "title", "équivalents temps plein").close("th")
                .element("th", "Sortie", "scope", "col").element("th", "Type de sortie", "scope", "col", "class", "text")
                .raw("</tr></thead><tbody>");
        int number = 0;
        for (MonthlyStatement.Row row : statement.rows()) {
            number++;
            html.open("tr", "data-line", row.participantId())
                    .element("th", Integer.toString(number), "scope", "row")
                    .element("td", row.participantId(), "data-figure", "participant", "class", "text")
                    .element("td", row.contract().label() + (row.previousContract() == null ? ""
                            : " (après " + row.previousContract().label() + ")"), "data-figure", "contract", "class", "text")
                    .element("td", date(row.entryDate()), "data-figure", "entry")
                    .element("td", date(row.contractEndDate()), "data-figure", "contractEnd")
                    .element("td", row.weeklyHours() == null ? "" : row.weeklyHours() + "\u00a0h", "data-figure",
                            "weeklyHours")
                    .element("td", row.phcStepHours() == null ? "" : row.phcStepHours() + "\u00a0h", "data-figure",
                            "phcStep");
            hours(html, row::minutes, row.workedMinutes());
            html.element("td", fte(row.fte()), "data-figure", "fte")
                    .element("td", date(row.exitDate()), "data-figure", "exit")
                    .element("td", row.exitCategory() != null ? row.exitCategory().label()
                            : row.exitDate() != null ? "Passage en CDDI" : "", "data-figure", "exitCategory", "class",
                            "text")
                    .close("tr");
        }
        if (statement.rows().isEmpty()) {
            html.raw("<tr><td colspan=\"16\">Personne sous contrat ce mois-ci sur ce chantier.</td></tr>");
        }
        MonthlyStatement.Totals totals = statement.totals();
        html.raw("</tbody><tfoot>").open("tr", "data-line", "total", "class", "total")
                .element("th", "Total", "scope", "row")
                .element("td", totals.people() + (totals.people() > 1 ? " personnes" : " personne"), "data-figure",
                        "people", "colspan", "6");
        hours(html, totals::minutes, totals.workedMinutes());
        html.element("td", fte(totals.fte()), "data-figure", "fte")
                .element("td", totals.exits() + (totals.exits() > 1 ? " sorties" : " sortie"), "data-figure",
                        "exits", "colspan", "2")
                .close("tr").raw("</tfoot></table>");
    }

    private static void hours(Html html, java.util.function.Function<HoursKind, Long> minutes, long worked) {
        for (HoursKind kind : MonthlyStatement.kinds()) {
            html.element("td", Texts.hours(Math.toIntExact(minutes.apply(kind))), "data-figure", kind.name());
            if (kind == HoursKind.FORMATION) {
                html.element("td", Texts.hours(Math.toIntExact(worked)), "data-figure", "worked");
            }
        }
    }

    private static String contracts(Map<ContractType, Integer> byContract) {
        StringBuilder text = new StringBuilder();
        for (ContractType type : ContractType.values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(type.label()).append("\u00a0: ").append(byContract.getOrDefault(type, 0));
        }
        return text.toString();
    }

    private static String fte(java.math.BigDecimal fte) {
        return fte.toPlainString().replace('.', ',');
    }

    private static String date(LocalDate day) {
        return day == null ? "" : Texts.date(day);
    }
}
