package fr.convergence.terrain.hub.console.web;

import fr.convergence.terrain.hub.console.Backlog;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.console.web.ConsoleWeb.Signed;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.DeviceReport;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.hub.sync.SyncExchange;
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
 * The Devices page: per territory and worksite, each laptop with the person and application version it last
 * reported, its last successful sync and the changes waiting in its quarantine; its CSV export; and a device's recent
 * sync history (figures only).
 */
final class DevicePages {

    static final String CSV = ConsoleWeb.DEVICES + ".csv";
    /** Exchanges shown on a device's history page. */
    static final int HISTORY_SHOWN = 30;

    private final ConsoleWeb web;
    private final ConsoleStore console;
    private final HubStore hub;
    private final Clock clock;

    DevicePages(ConsoleWeb web, ConsoleStore console, HubStore hub, Clock clock) {
        this.web = web;
        this.console = console;
        this.hub = hub;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(ConsoleWeb.DEVICES, this::devices);
        routes.get(CSV, this::csv);
        routes.get(ConsoleWeb.DEVICES + "/{id}/historique", this::history);
    }

    /** One line of the Devices table, as the page and its CSV show it. */
    record Line(String territory, String place, Device device, DeviceReport report, Backlog quarantine) {
    }

    /** What the laptops reported and what the hub still keeps for them, read once for a whole table. */
    static final class Facts {
        final Map<String, DeviceReport> reports;
        final Map<String, Backlog> waiting;

        Facts(ConsoleStore console) {
            reports = console.deviceReports();
            waiting = console.waitingRejections();
        }

        Line line(String territory, String place, Device d) {
            return new Line(territory, place, d, reports.get(d.id()), quarantine(d));
        }

        /**
         * The changes of this laptop waiting in its quarantine: those it said it holds, plus the refusals the hub
         * keeps until it records them (none are counted twice: the hub forgets a refusal once the laptop says it
         * recorded it). Null when neither is known (a laptop from before the report that has nothing waiting here).
         */
        Backlog quarantine(Device d) {
            DeviceReport report = reports.get(d.id());
            Backlog here = waiting.getOrDefault(d.id(), Backlog.NONE);
            if (report == null || report.quarantined() == null) {
                return here.count() == 0 ? null : here;
            }
            return new Backlog(report.quarantined(), report.oldestQuarantinedAt()).plus(here);
        }
    }

    /** Every line the account may see, by territory then worksite (coordination laptops first in a territory). */
    List<Line> lines(Signed signed, Facts facts) {
        Map<String, List<Device>> byScope = new HashMap<>();
        for (Device d : hub.read(HubStore.HubReader::devices)) {
            byScope.computeIfAbsent(d.scopeKind() + ":" + d.scopeId(), k -> new ArrayList<>()).add(d);
        }
        List<Line> lines = new ArrayList<>();
        for (var entry : web.visibleWorksites(signed.account()).entrySet()) {
            String territory = entry.getKey();
            String territoryName = web.territoryName(territory);
            for (Device d : byScope.getOrDefault(EnrolResponse.TERRITORY + ":" + territory, List.of())) {
                lines.add(facts.line(territoryName, "Coordination du territoire", d));
            }
            for (WorksiteInfo w : entry.getValue()) {
                for (Device d : byScope.getOrDefault(EnrolResponse.WORKSITE + ":" + w.id(), List.of())) {
                    lines.add(facts.line(territoryName, ConsoleWeb.worksiteName(w), d));
                }
            }
        }
        return lines;
    }

    private void devices(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        Map<String, List<WorksiteInfo>> byTerritory = web.visibleWorksites(signed.account());
        Map<String, List<Device>> byScope = new HashMap<>();
        for (Device d : hub.read(HubStore.HubReader::devices)) {
            byScope.computeIfAbsent(d.scopeKind() + ":" + d.scopeId(), k -> new ArrayList<>()).add(d);
        }
        Facts facts = new Facts(console);
        Html html = new Html().element("h1", "Postes")
                .open("p").element("a", "Exporter ce tableau (CSV pour Excel)", "href", CSV, "download", "postes.csv")
                .close("p");
        if (byTerritory.size() > 1) {
            html.raw("<nav aria-label=\"Territoires\"><p>Territoires\u00a0: ");
            boolean first = true;
            for (String territory : byTerritory.keySet()) {
                html.raw(first ? "" : " · ").element("a", web.territoryName(territory), "href",
                        "#t-" + ConsoleWeb.anchor(territory));
                first = false;
            }
            html.raw("</p></nav>");
        }
        for (var entry : byTerritory.entrySet()) {
            String territory = entry.getKey();
            html.element("h2", web.territoryName(territory), "id", "t-" + ConsoleWeb.anchor(territory));
            if (!territory.isEmpty()) {
                html.open("h3").text("Postes de coordination du territoire").close("h3")
                        .open("p").element("a", "Émettre un code pour un poste de coordination", "href",
                                ConsoleWeb.ROOT + "/territoires/" + territory).close("p");
                table(html, byScope.getOrDefault(EnrolResponse.TERRITORY + ":" + territory, List.of()), facts);
            }
            for (WorksiteInfo w : entry.getValue()) {
                html.open("h3").text(ConsoleWeb.worksiteName(w)).close("h3")
                        .open("p").element("a", "Émettre un code d’enrôlement pour ce chantier", "href",
                                ConsoleWeb.ROOT + "/chantiers/" + w.id()).close("p");
                table(html, byScope.getOrDefault(EnrolResponse.WORKSITE + ":" + w.id(), List.of()), facts);
            }
        }
        web.page(ctx, 200, "Postes", signed, html);
    }

    /** The table of some laptops (a worksite's, a territory's coordination ones). */
    void table(Html html, List<Device> devices) {
        table(html, devices, new Facts(console));
    }

    private void table(Html html, List<Device> devices, Facts facts) {
        if (devices.isEmpty()) {
            html.element("p", "Aucun poste enrôlé.");
            return;
        }
        long now = clock.millis();
        html.raw("<table><thead><tr><th scope=\"col\">Poste</th><th scope=\"col\">Personne</th>"
                + "<th scope=\"col\">Version</th><th scope=\"col\">Enrôlé le</th>"
                + "<th scope=\"col\">Dernière synchronisation réussie</th><th scope=\"col\">En quarantaine</th>"
                + "<th scope=\"col\">État</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (Device d : devices) {
            DeviceReport report = facts.reports.get(d.id());
            Backlog quarantine = facts.quarantine(d);
            html.open("tr").element("td", d.label()).element("td", person(report)).element("td", version(report))
                    .element("td", ConsoleWeb.date(d.enrolledAt()))
                    .element("td", d.lastSeen() == null ? "jamais" : ConsoleWeb.dateTime(d.lastSeen()))
                    .open("td", "class", "number");
            if (quarantine == null) {
                html.text("non indiqué");
            } else {
                html.text(changes(quarantine.count()));
                if (quarantine.count() > 0 && quarantine.oldestAt() != null) {
                    html.raw("<br>").element("small", Ages.since(quarantine.oldestAt(), now));
                }
            }
            html.close("td");
            if (d.revoked()) {
                html.open("td").element("span", "Révoqué le " + ConsoleWeb.date(d.revokedAt()), "class", "revoked")
                        .close("td");
            } else {
                html.element("td", "Actif");
            }
            html.open("td").element("a", "Historique", "href", ConsoleWeb.DEVICES + "/" + d.id() + "/historique",
                    "aria-label", "Historique de synchronisation du poste " + d.label());
            if (!d.revoked()) {
                html.raw(" · ").element("a", "Révoquer…", "href", ConsoleWeb.DEVICES + "/" + d.id() + "/revocation",
                        "aria-label", "Révoquer le poste " + d.label());
            }
            html.close("td").close("tr");
        }
        html.raw("</tbody></table>");
    }

    private void csv(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines(signed, new Facts(console))) {
            Device d = line.device();
            Backlog q = line.quarantine();
            rows.add(List.of(line.territory(), line.place(), d.label(), person(line.report()),
                    version(line.report()), ConsoleWeb.date(d.enrolledAt()),
                    d.lastSeen() == null ? "" : ConsoleWeb.dateTime(d.lastSeen()),
                    q == null ? "" : Long.toString(q.count()),
                    q == null || q.oldestAt() == null ? "" : ConsoleWeb.date(q.oldestAt()),
                    d.revoked() ? "Révoqué le " + ConsoleWeb.date(d.revokedAt()) : "Actif"));
        }
        Csv.send(ctx, "postes.csv", List.of("Territoire", "Chantier", "Poste", "Personne", "Version", "Enrôlé le",
                "Dernière synchronisation réussie", "Modifications en quarantaine", "Plus ancienne en quarantaine",
                "État"), rows);
    }

    private void history(Context ctx) {
        Signed signed = ctx.attribute(ConsoleWeb.SIGNED);
        Device device = web.allowedDevice(signed, ctx.pathParam("id"));
        DeviceReport report = console.deviceReports().get(device.id());
        List<SyncExchange> exchanges = console.syncHistory(device.id(), HISTORY_SHOWN);
        Html html = new Html().element("h1", "Historique du poste «\u00a0" + device.label() + "\u00a0»")
                .open("p").text("Personne\u00a0: " + person(report) + " · version\u00a0: " + version(report)
                        + " · enrôlé le " + ConsoleWeb.date(device.enrolledAt())
                        + (device.revoked() ? " · révoqué le " + ConsoleWeb.date(device.revokedAt()) : ""))
                .close("p")
                .element("p", "Les " + HISTORY_SHOWN + " derniers échanges avec le hub, du plus récent au plus "
                        + "ancien. Une synchronisation compte un échange, ou plusieurs quand elle envoie ou reçoit "
                        + "beaucoup de lignes.", "class", "note");
        if (exchanges.isEmpty()) {
            html.element("p", "Aucun échange enregistré pour ce poste.");
        } else {
            html.raw("<table><thead><tr><th scope=\"col\">Quand</th><th scope=\"col\">Modifications envoyées</th>"
                    + "<th scope=\"col\">Lignes reçues</th><th scope=\"col\">Refusées</th>"
                    + "<th scope=\"col\">Conflits</th><th scope=\"col\">Résultat</th></tr></thead><tbody>");
            for (SyncExchange e : exchanges) {
                html.open("tr").element("td", ConsoleWeb.dateTime(e.at()))
                        .element("td", Integer.toString(e.operations()), "class", "number")
                        .element("td", Integer.toString(e.rowsSent()), "class", "number")
                        .element("td", Integer.toString(e.refused()), "class", "number")
                        .element("td", Integer.toString(e.conflicts()), "class", "number")
                        .element("td", outcome(e.outcome()), SyncExchange.REVOKED.equals(e.outcome())
                                ? new String[] {"class", "revoked"} : new String[0])
                        .close("tr");
            }
            html.raw("</tbody></table>");
        }
        html.raw("<p><a href=\"" + ConsoleWeb.DEVICES + "\">Retour aux postes</a></p>");
        web.page(ctx, 200, "Historique du poste", signed, html);
    }

    static String outcome(String code) {
        return switch (code) {
            case SyncExchange.DONE -> "Terminé, à jour";
            case SyncExchange.PAGE -> "Page (la suite au prochain échange)";
            case SyncExchange.RESYNC -> "Reprise complète demandée";
            case SyncExchange.REWOUND -> "Hub restauré\u00a0: le poste renvoie ses modifications";
            case SyncExchange.REVOKED -> "Refusé\u00a0: poste révoqué";
            default -> code;
        };
    }

    static String person(DeviceReport report) {
        return report == null || report.person() == null ? "non indiquée" : report.person();
    }

    static String version(DeviceReport report) {
        return report == null || report.appVersion() == null ? "non indiquée" : report.appVersion();
    }

    static String changes(long count) {
        return count == 0 ? "aucune" : count == 1 ? "1 modification" : count + " modifications";
    }
}
