package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small hand-counted data set of the yearly table, written into a hub's store as synced rows: three worksites
 * over two territories, nine people, 2025 and 2026 (the figures, counted by hand, are in {@code YearlyTablesTest}).
 * <pre>
 * Lille, ABEJ (abej-solidarite):
 *   P1 PHC 03/03/2025 → 27/02/2026, a transition (no category), then a CVG CDDI from 02/03/2026, still there;
 *   P2 CVG 01/09/2025 → 30/06/2026, emploi durable;   P3 PHC 06/04/2026 → 15/10/2026, autre sortie;
 *   P4 CVG 08/01/2024 → 31/05/2025, sortie positive.
 *   Hours: 05/01/2026 6 h and 06/01/2026 4 h on the worksite, 10/03/2026 2 h training, 11/03/2026 1 h justified
 *   absence (not worked), 12/05/2025 20 h on the worksite, and a deleted cell of 9 h on 07/01/2026.
 * Lille, Éole (eole):
 *   P5 CVG 05/01/2026 → 20/11/2026, emploi de transition;   P6 PHC from 07/09/2026;
 *   P7 PHC from 02/02/2026, deleted (never counts).   Hours: 15/06/2026 5 h in a company.
 * Lyon, Armée du Salut (fads-armee-du-salut-lyon-cite):
 *   P8 CVG from 03/02/2025;   P9 PHC 02/06/2025 → 19/12/2025, autre sortie.
 *   Hours: 07/07/2025 8 h, 02/02/2026 15 h, both on the worksite.
 * </pre>
 */
public final class YearlyDataSet {

    public static final String ABEJ = "abej-solidarite";
    public static final String EOLE = "eole";
    public static final String LYON = "fads-armee-du-salut-lyon-cite";

    private YearlyDataSet() {
    }

    public static void load(HubStore store) {
        List<HubRow> rows = new ArrayList<>();
        enrolment(rows, "P1-phc", "P1", ABEJ, "PHC", "PHC", "2025-03-03", "2026-02-27", null, null);
        rows.add(row("phc_step", "P1-step", ABEJ, "P1", Map.of("enrolment_id", "P1-phc", "target_hours", 4,
                "start_date", "2025-03-03"), false));
        enrolment(rows, "P1-cddi", "P1", ABEJ, "CVG", "CDDI", "2026-03-02", null, null, null);
        enrolment(rows, "P2", "P2", ABEJ, "CVG", "CDDI", "2025-09-01", "2026-06-30", "EMPLOI_DURABLE", "CDI");
        enrolment(rows, "P3", "P3", ABEJ, "PHC", "PHC", "2026-04-06", "2026-10-15", "AUTRE_SORTIE", "ABANDON");
        enrolment(rows, "P4", "P4", ABEJ, "CVG", "CDDI", "2024-01-08", "2025-05-31", "SORTIE_POSITIVE",
                "FORMATION_QUALIFIANTE");
        hours(rows, "P1", ABEJ, "2026-01-05", "TRAVAIL_CHANTIER", 360, false);
        hours(rows, "P1", ABEJ, "2026-01-06", "TRAVAIL_CHANTIER", 240, false);
        hours(rows, "P1", ABEJ, "2026-01-07", "TRAVAIL_CHANTIER", 540, true);
        hours(rows, "P1", ABEJ, "2026-03-10", "FORMATION", 120, false);
        hours(rows, "P1", ABEJ, "2026-03-11", "ABSENCE_JUSTIFIEE", 60, false);
        hours(rows, "P4", ABEJ, "2025-05-12", "TRAVAIL_CHANTIER", 1200, false);

        enrolment(rows, "P5", "P5", EOLE, "CVG", "CDDI", "2026-01-05", "2026-11-20", "EMPLOI_TRANSITION", null);
        enrolment(rows, "P6", "P6", EOLE, "PHC", "PHC", "2026-09-07", null, null, null);
        Map<String, Object> deleted = enrolmentData("P7", EOLE, "PHC", "PHC", "2026-02-02", null, null, null);
        rows.add(row("enrolment", "P7", EOLE, "P7", deleted, true));
        hours(rows, "P5", EOLE, "2026-06-15", "ENTREPRISE", 300, false);

        enrolment(rows, "P8", "P8", LYON, "CVG", "CDDI", "2025-02-03", null, null, null);
        enrolment(rows, "P9", "P9", LYON, "PHC", "PHC", "2025-06-02", "2025-12-19", "AUTRE_SORTIE", null);
        hours(rows, "P9", LYON, "2025-07-07", "TRAVAIL_CHANTIER", 480, false);
        hours(rows, "P8", LYON, "2026-02-02", "TRAVAIL_CHANTIER", 900, false);

        store.write(tx -> {
            tx.putWorksite(new WorksiteInfo(ABEJ, "ABEJ Solidarité", "Lille", "Hauts-de-France", "lille", true,
                    true));
            tx.putWorksite(new WorksiteInfo(EOLE, "Éole", "Lille", "Hauts-de-France", "lille", true, true));
            tx.putWorksite(new WorksiteInfo(LYON, "Armée du Salut Lyon", "Lyon", "Auvergne-Rhône-Alpes", "lyon",
                    true, true));
            rows.forEach(tx::save);
            return null;
        });
    }

    /** One more CVG enrolment, from {@code entry} and still going, synced later. */
    public static void addEnrolment(HubStore store, String participant, String worksite, String entry) {
        List<HubRow> rows = new ArrayList<>();
        enrolment(rows, participant, participant, worksite, "CVG", "CDDI", entry, null, null, null);
        store.write(tx -> {
            rows.forEach(tx::save);
            return null;
        });
    }

    /** A participant's file with a name, as a laptop syncs it: the hub's reports must never show the name. */
    public static void addParticipant(HubStore store, String participant, String worksite, String lastName,
                                      String firstName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("worksite_id", worksite);
        data.put("last_name", lastName);
        data.put("first_name", firstName);
        HubRow row = row("participant", participant, worksite, participant, data, false);
        store.write(tx -> {
            tx.save(row);
            return null;
        });
    }

    private static void enrolment(List<HubRow> rows, String id, String participant, String worksite,
                                  String programme, String contract, String entry, String exit, String category,
                                  String reason) {
        rows.add(row("enrolment", id, worksite, participant,
                enrolmentData(participant, worksite, programme, contract, entry, exit, category, reason), false));
    }

    private static Map<String, Object> enrolmentData(String participant, String worksite, String programme,
                                                     String contract, String entry, String exit, String category,
                                                     String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participant_id", participant);
        data.put("worksite_id", worksite);
        data.put("programme", programme);
        data.put("contract_type", contract);
        data.put("entry_date", entry);
        data.put("contract_end_date", null);
        data.put("weekly_hours", contract.equals("CDDI") ? 26 : null);
        data.put("derogation_kind", null);
        data.put("derogation_end_date", null);
        data.put("extension_reason", null);
        data.put("exit_date", exit);
        data.put("exit_category", category);
        data.put("exit_reason", reason);
        return data;
    }

    private static void hours(List<HubRow> rows, String participant, String worksite, String day, String kind,
                              int minutes, boolean deleted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participant_id", participant);
        data.put("worksite_id", worksite);
        data.put("work_day", day);
        data.put("kind", kind);
        data.put("minutes", minutes);
        rows.add(row("hours_entry", HoursCell.id(participant, day, kind), worksite, participant, data, deleted));
    }

    private static HubRow row(String table, String id, String worksite, String participant, Map<String, Object> fields,
                              boolean deleted) {
        Map<String, Object> data = new LinkedHashMap<>(fields);
        data.put("deleted", deleted);
        String version = "0001765000000000-0000-dataset";
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        data.keySet().forEach(k -> meta.put(k, new FieldMeta(version, FieldMeta.PENDING, "dataset", null)));
        return new HubRow(table, id, worksite, participant, data, meta, version, "dataset", FieldMeta.PENDING,
                FieldMeta.PENDING, 0, deleted ? Long.valueOf(1_765_000_000_000L) : null);
    }
}
