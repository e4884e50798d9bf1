package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.AuditScope;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.report.YearlyFigure;
import fr.convergence.terrain.hub.report.YearlyTable;
import fr.convergence.terrain.hub.report.YearlyTableCsv;
import fr.convergence.terrain.hub.report.YearlyTableDocument;
import fr.convergence.terrain.hub.report.YearlyTables;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The yearly table of the console: the country by territory (a coordinator sees only their territory, and no
 * national total), a territory by worksite, a worksite by month — figures only, never a name or a note —, each with
 * the year before and the change, its CSV for French Excel ({@code ?format=csv}) and its PDF ({@code ?format=pdf},
 * {@link YearlyTableDocument}). Every figure comes from
 * {@link YearlyTables}, that is from core's report calculator. Reads and exports are written to the audit journal.
 */
final class YearlyTablePages {

    static final String PATH = ConsoleWeb.ROOT + "/tableau-annuel";
    /** The address part of the worksites outside any territory (visible to national accounts only). */
    static final String NO_TERRITORY = "hors-territoire";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<YearlyFigure> EXIT_FIGURES = Set.of(YearlyFigure.EXITS_LASTING_JOB,
            YearlyFigure.EXITS_TRANSITION_JOB, YearlyFigure.EXITS_POSITIVE, YearlyFigure.EXITS_OTHER,
            YearlyFigure.EXITS, YearlyFigure.DYNAMIC_EXIT_SHARE);

    private final ConsoleWeb web;
    private final ConsoleStore console;
    private final HubStore hub;
    private final YearlyTables tables;
    private final Clock clock;

    YearlyTablePages(ConsoleWeb web, ConsoleStore console, HubStore hub, YearlyTables tables, Clock clock) {
        this.web = web;
        this.console = console;
        this.hub = hub;
        this.tables = tables;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::nationalPage);
        routes.get(PATH + "/territoires/{id}", this::territoryPage);
        routes.get(PATH + "/chantiers/{id}", this::worksitePage);
    }

    private void nationalPage(Context ctx) {
        ConsoleWeb.Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        Optional<Integer> year = year(ctx, signed);
        if (year.isEmpty()) {
            return;
        }
        ConsoleAccount account = signed.account();
        boolean national = account.role() == ConsoleAccount.Role.NATIONAL;
        YearlyTable table = tables.national(year.get(), t -> account.mayAccess(t.isEmpty() ? null : t), national);
        show(ctx, signed, table, "pays", List.of());
    }

    private void territoryPage(Context ctx) {
        ConsoleWeb.Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        String id = ctx.pathParam("id");
        String territory = NO_TERRITORY.equals(id) ? YearlyTables.NO_TERRITORY : id;
        if (!signed.account().mayAccess(territory.isEmpty() ? null : territory)) {
            throw web.refused(signed, "territory=" + id);
        }
        Optional<Integer> year = year(ctx, signed);
        if (year.isEmpty()) {
            return;
        }
        YearlyTable table = tables.territory(year.get(), territory).orElseThrow(() -> new ConsoleWeb.Refusal(404,
                "Territoire inconnu du hub."));
        show(ctx, signed, table, AuditScope.territory(id), List.of(
                link("Tableau annuel", PATH, year.get())));
    }

    private void worksitePage(Context ctx) {
        ConsoleWeb.Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        String id = ctx.pathParam("id");
        WorksiteInfo worksite = hub.read(r -> r.worksite(id)).orElseThrow(() -> new ConsoleWeb.Refusal(404,
                "Chantier inconnu du hub."));
        if (!signed.account().mayAccess(worksite.territoryId())) {
            throw web.refused(signed, "worksite=" + id);
        }
        Optional<Integer> year = year(ctx, signed);
        if (year.isEmpty()) {
            return;
        }
        YearlyTable table = tables.worksite(year.get(), id).orElseThrow(() -> new ConsoleWeb.Refusal(404,
                "Chantier inconnu du hub."));
        String territory = worksite.territoryId() == null ? NO_TERRITORY : worksite.territoryId();
        show(ctx, signed, table, AuditScope.worksite(id), List.of(
                link("Tableau annuel", PATH, year.get()),
                link(tables.territoryName(worksite.territoryId()), PATH + "/territoires/" + territory, year.get())));
    }

    /** The year asked for ({@code ?annee=}), this year by default; a French 400 page and empty if it is not one. */
    private Optional<Integer> year(Context ctx, ConsoleWeb.Signed signed) {
        String asked = ctx.queryParam("annee");
        if (asked == null || asked.isBlank()) {
            return Optional.of(LocalDate.now(clock.withZone(PARIS)).getYear());
        }
        try {
            int year = Integer.parseInt(asked.strip());
            if (YearlyTables.plausibleYear(year)) {
                return Optional.of(year);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        Html html = new Html().element("h1", "Tableau annuel")
                .element("p", "«\u00a0" + asked + "\u00a0» n’est pas une année\u00a0: indiquez-la en quatre chiffres, "
                        + "par exemple " + LocalDate.now(clock.withZone(PARIS)).getYear() + ".", "class", "error",
                        "role", "alert")
                .raw("<p><a href=\"" + PATH + "\">Tableau de l’année en cours</a></p>");
        web.page(ctx, 400, "Tableau annuel", signed, html);
        return Optional.empty();
    }

    private void show(Context ctx, ConsoleWeb.Signed signed, YearlyTable table, String auditScope,
                      List<Crumb> breadcrumb) {
        String format = ctx.queryParam("format");
        if ("csv".equals(format) || "pdf".equals(format)) {
            byte[] file;
            if (format.equals("pdf")) {
                file = YearlyTableDocument.pdf(table, ZonedDateTime.now(clock.withZone(PARIS)));
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    YearlyTableCsv.write(table, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                file = out.toByteArray();
            }
            console.audit(new AuditEntry(clock.millis(), signed.account().login(), "yearly-table-exported",
                    auditScope + " year=" + table.year() + " format=" + format));
            ctx.contentType(format.equals("pdf") ? "application/pdf" : "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + "tableau-annuel-" + table.year() + "-"
                            + table.id().replaceAll("[^a-z0-9-]", "") + "." + format + "\"")
                    .result(file);
            return;
        }
        // Reads are journaled too: a territory's coordinator sees the national team's reads of their territory.
        console.audit(new AuditEntry(clock.millis(), signed.account().login(), "yearly-table-read",
                auditScope + " year=" + table.year()));
        String title = "Tableau annuel " + table.year() + " · " + table.title();
        Html html = new Html();
        if (!breadcrumb.isEmpty()) {
            html.raw("<nav aria-label=\"Fil d’Ariane\" class=\"breadcrumb\"><p>");
            for (Crumb crumb : breadcrumb) {
                html.element("a", crumb.label(), "href", crumb.href()).raw(" › ");
            }
            html.text(table.title()).raw("</p></nav>");
        }
        html.element("h1", title)
                .open("form", "method", "get", "action", ctx.path(), "class", "year")
                .element("label", "Année", "for", "annee")
                .open("input", "type", "number", "id", "annee", "name", "annee", "min", "2000", "max", "2100",
                        "value", Integer.toString(table.year()), "required", "required")
                .element("button", "Afficher", "type", "submit").close("form")
                .element("p", "Chiffres calculés par le même calculateur que la page Rapports des postes, sur les "
                        + "données synchronisées avec le hub\u00a0; aucun nom, aucune note. Définitions\u00a0: "
                        + "docs/indicators.md. ETP\u00a0: 1\u00a0820\u00a0heures réalisées par an.", "class", "hint");
        table(html, table);
        html.open("p", "class", "actions").element("a", "Télécharger ce tableau (CSV pour Excel)", "href",
                ctx.path() + "?annee=" + table.year() + "&format=csv").raw(" ")
                .element("a", "Télécharger en PDF (A4 paysage)", "href",
                        ctx.path() + "?annee=" + table.year() + "&format=pdf").close("p");
        web.page(ctx, 200, title, signed, html);
    }

    private void table(Html html, YearlyTable table) {
        List<YearlyFigure> figures = table.figures();
        html.open("table", "class", "yearly", "id", "tableau-annuel")
                .element("caption", "Tableau annuel " + table.year() + " · " + table.subtitle())
                .raw("<thead><tr>").element("th", table.level().lineHeader(), "scope", "col", "rowspan", "2");
        boolean exitsOpened = false;
        for (YearlyFigure figure : figures) {
            if (EXIT_FIGURES.contains(figure)) {
                if (!exitsOpened) {
                    html.element("th", "Sorties", "scope", "colgroup", "colspan",
                            Long.toString(figures.stream().filter(EXIT_FIGURES::contains).count()), "class", "group");
                    exitsOpened = true;
                }
            } else {
                header(html, figure, "rowspan", "2");
            }
        }
        html.raw("</tr><tr>");
        figures.stream().filter(EXIT_FIGURES::contains).forEach(f -> header(html, f));
        html.raw("</tr></thead><tbody>");
        for (YearlyTable.Line line : table.lines()) {
            html.open("tr", "data-line", line.id().isEmpty() ? NO_TERRITORY : line.id()).open("th", "scope", "row");
            String href = switch (table.level()) {
                case NATIONAL -> PATH + "/territoires/" + (line.id().isEmpty() ? NO_TERRITORY : line.id())
                        + "?annee=" + table.year();
                case TERRITORY -> PATH + "/chantiers/" + line.id() + "?annee=" + table.year();
                // A month drills down to the worksite's monthly statement of that month.
                case WORKSITE -> MonthlyStatementPages.href(table.id(), java.time.YearMonth.parse(line.id()));
            };
            html.element("a", line.label(), "href", href);
            html.close("th");
            figures.forEach(f -> html.element("td", f.text(line.current()), "data-figure", f.key()));
            html.close("tr");
        }
        html.raw("</tbody>");
        if (table.total() != null) {
            YearlyTable.Line total = table.total();
            html.raw("<tfoot>");
            row(html, "total", "Total " + table.year(), figures, f -> f.text(total.current()));
            row(html, "total-precedent", "Total " + (table.year() - 1), figures, f -> f.text(total.previous()));
            row(html, "evolution", "Évolution " + (table.year() - 1) + " → " + table.year(), figures,
                    f -> f.change(total.current(), total.previous()));
            html.raw("</tfoot>");
        }
        html.raw("</table>");
    }

    private static void header(Html html, YearlyFigure figure, String... attributes) {
        String[] all = new String[attributes.length + 2];
        all[0] = "scope";
        all[1] = "col";
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        html.open("th", all);
        switch (figure) {
            case FULL_TIME_EQUIVALENTS -> html.element("abbr", "ETP", "title", "équivalents temps plein");
            case EXITS -> html.text("Total");
            case DYNAMIC_EXIT_SHARE -> html.text("Part des sorties dynamiques");
            case HOURS -> html.text("Heures réalisées");
            default -> html.text(figure.label());
        }
        html.close("th");
    }

    private static void row(Html html, String id, String label, List<YearlyFigure> figures,
                            java.util.function.Function<YearlyFigure, String> text) {
        html.open("tr", "data-line", id, "class", id).element("th", label, "scope", "row");
        figures.forEach(f -> html.element("td", text.apply(f), "data-figure", f.key()));
        html.close("tr");
    }

    /** A step of the breadcrumb above the table. */
    private record Crumb(String label, String href) {
    }

    private static Crumb link(String label, String path, int year) {
        return new Crumb(label, path + "?annee=" + year);
    }
}
