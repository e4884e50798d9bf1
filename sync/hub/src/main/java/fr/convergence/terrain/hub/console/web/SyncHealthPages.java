package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.hub.console.Backlog;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.console.web.ConsoleWeb.Signed;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Sync health page: per worksite, the conflicts not yet resolved and the changes waiting in the laptops'
 * quarantines (counts and the age of the oldest, never their contents), and the hub's version, database and tombstone
 * horizon; its table as CSV. A coordinator sees their territory's worksites only.
 */
final class SyncHealthPages {

    static final String PATH = ConsoleWeb.ROOT + "/sante";
    static final String CSV = PATH + ".csv";

    private final ConsoleWeb web;
    private final ConsoleStore console;
    private final HubStore hub;
    private final Clock clock;

    SyncHealthPages(ConsoleWeb web, ConsoleStore console, HubStore hub, Clock clock) {
        this.web = web;
        this.console = console;
        this.hub = hub;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::health);
        routes.get(CSV, this::csv);
    }

    /** One line of the table: a worksite, or a territory's coordination laptops (no conflicts of their own). */
    record Line(String territory, String place, Backlog conflicts, Backlog quarantine, int activeDevices) {
    }

    List<Line> lines(Signed signed) {
        Map<String, Backlog> conflicts = console.openConflicts();
        DevicePages.Facts facts = new DevicePages.Facts(console);
        Map<String, Backlog> quarantine = new HashMap<>();
        Map<String, Integer> active = new HashMap<>();
        for (Device d : hub.read(HubStore.HubReader::devices)) {
            if (d.revoked()) {
                // A revoked laptop syncs no more: what it kept is no longer the hub's to wait for.
                continue;
            }
            String scope = d.scopeKind() + ":" + d.scopeId();
            active.merge(scope, 1, Integer::sum);
            Backlog waiting = facts.quarantine(d);
            if (waiting != null) {
                quarantine.merge(scope, waiting, Backlog::plus);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (var entry : web.visibleWorksites(signed.account()).entrySet()) {
            String territory = web.territoryName(entry.getKey());
            if (!entry.getKey().isEmpty()) {
                String scope = EnrolResponse.TERRITORY + ":" + entry.getKey();
                if (active.containsKey(scope)) {
                    lines.add(new Line(territory, "Coordination du territoire", Backlog.NONE,
                            quarantine.getOrDefault(scope, Backlog.NONE), active.get(scope)));
                }
            }
            for (WorksiteInfo w : entry.getValue()) {
                String scope = EnrolResponse.WORKSITE + ":" + w.id();
                lines.add(new Line(territory, ConsoleWeb.worksiteName(w), conflicts.getOrDefault(w.id(), Backlog.NONE),
                        quarantine.getOrDefault(scope, Backlog.NONE), active.getOrDefault(scope, 0)));
            }
        }
        return lines;
    }

    private void health(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        long now = clock.millis();
        long purgedUpTo = hub.read(HubStore.HubReader::purgedUpTo);
        long lastSequence = hub.read(HubStore.HubReader::lastSequence);
        Backlog tombstones = console.tombstones();
        Html html = new Html().element("h1", "Santé de la synchronisation")
                .raw("<dl class=\"facts\">")
                .element("dt", "Version du hub").element("dd", hubVersion(), "id", "version-hub")
                .element("dt", "Base de données").element("dd", console.databaseKind(), "id", "base")
                .element("dt", "Dernière séquence").element("dd", Long.toString(lastSequence))
                .element("dt", "Horizon des suppressions")
                .element("dd", (purgedUpTo == 0 ? "aucune suppression purgée encore"
                        : "suppressions purgées jusqu’à la séquence " + purgedUpTo
                        + "\u00a0: un poste dont le curseur est plus ancien reprend tout") + " · "
                        + (tombstones.count() == 0 ? "aucune suppression gardée"
                        : tombstones.count() == 1 ? "1 suppression gardée" : tombstones.count()
                        + " suppressions gardées") + (tombstones.oldestAt() == null ? ""
                        : ", la plus ancienne du " + ConsoleWeb.date(tombstones.oldestAt())), "id", "horizon")
                .raw("</dl>")
                .element("p", "Par chantier, les conflits à trancher (sur les postes, page Synchronisation) et les "
                        + "modifications refusées par le hub qui attendent dans la quarantaine des postes actifs, "
                        + "avec l’âge du plus ancien. Les nombres seulement, jamais le contenu.", "class", "note")
                .open("p").element("a", "Exporter ce tableau (CSV pour Excel)", "href", CSV, "download",
                        "sante-synchronisation.csv")
                .close("p");
        List<Line> lines = lines(signed);
        if (lines.isEmpty()) {
            html.element("p", "Aucun chantier dans votre périmètre.");
        } else {
            html.raw("<table id=\"sante\"><thead><tr><th scope=\"col\">Territoire</th><th scope=\"col\">Chantier</th>"
                    + "<th scope=\"col\">Conflits ouverts</th><th scope=\"col\">Modifications en quarantaine</th>"
                    + "<th scope=\"col\">Postes actifs</th></tr></thead><tbody>");
            for (Line line : lines) {
                html.open("tr").element("td", line.territory()).element("td", line.place());
                cell(html, line.conflicts(), line.conflicts().count() == 1 ? "1 conflit"
                        : line.conflicts().count() == 0 ? "aucun" : line.conflicts().count() + " conflits",
                        "le plus ancien ouvert ", now);
                cell(html, line.quarantine(), DevicePages.changes(line.quarantine().count()),
                        "la plus ancienne en attente ", now);
                html.element("td", Integer.toString(line.activeDevices()), "class", "number").close("tr");
            }
            html.raw("</tbody></table>");
        }
        web.page(ctx, 200, "Santé de la synchronisation", signed, html);
    }

    private static void cell(Html html, Backlog backlog, String count, String oldest, long now) {
        html.open("td", "class", backlog.count() > 0 ? "number attention" : "number").text(count);
        if (backlog.count() > 0 && backlog.oldestAt() != null) {
            html.raw("<br>").element("small", oldest + Ages.since(backlog.oldestAt(), now));
        }
        html.close("td");
    }

    private void csv(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        long now = clock.millis();
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines(signed)) {
            rows.add(List.of(line.territory(), line.place(), Long.toString(line.conflicts().count()),
                    days(line.conflicts(), now), Long.toString(line.quarantine().count()),
                    days(line.quarantine(), now), Integer.toString(line.activeDevices())));
        }
        Csv.send(ctx, "sante-synchronisation.csv", List.of("Territoire", "Chantier", "Conflits ouverts",
                "Âge du plus ancien conflit (jours)", "Modifications en quarantaine",
                "Âge de la plus ancienne (jours)", "Postes actifs"), rows);
    }

    private static String days(Backlog backlog, long now) {
        return backlog.count() == 0 || backlog.oldestAt() == null ? "" : Long.toString(Ages.days(backlog.oldestAt(),
                now));
    }

    /** The hub jar's version (its manifest); unknown when the hub runs from the build's classes. */
    static String hubVersion() {
        String version = ConsoleWeb.class.getPackage().getImplementationVersion();
        return version == null ? "inconnue (hub lancé depuis les classes de la compilation)" : version;
    }
}
