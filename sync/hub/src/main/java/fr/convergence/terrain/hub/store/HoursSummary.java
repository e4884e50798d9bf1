package fr.convergence.terrain.hub.store;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;


import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.report.PersonMinutes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Hub schema step 6: the hours of {@code hub_row} summed by worksite, month and kind ({@code hub_hours_month}), kept
 * by database triggers on {@code hub_row} in the transaction that writes each row, whatever writes it (a sync
 * exchange, an erasure, the purge, {@code terrain-hub import}, a row copied by SQL). The yearly table reads a few
 * thousand summary rows instead of parsing millions of JSON documents (docs/performance.md, « Tableau annuel du
 * hub »). A month counts the hours rows that are not deleted and have a day and a kind, as the reads from the JSON
 * did; {@code row_count} keeps a month with rows of zero minutes on the table, as before, and drops it with its last
 * row. The same triggers keep the sums by worksite, month, person and kind ({@code hub_hours_person_month}, rows
 * naming a person) that the monthly statement of one worksite reads instead of that worksite's hours rows of all years.
 */
final class HoursSummary {

    static final Table<Record> SUMMARY = table(name("hub_hours_month"));
    static final Field<String> SUMMARY_WORKSITE = field(name("worksite_id"), SQLDataType.VARCHAR(64));
    /** The month, {@code 2026-03}: the first seven characters of the row's {@code work_day}. */
    static final Field<String> SUMMARY_MONTH = field(name("month"), SQLDataType.VARCHAR(7));
    static final Field<String> SUMMARY_KIND = field(name("kind"), SQLDataType.VARCHAR(40));
    static final Field<Long> SUMMARY_MINUTES = field(name("minutes"), SQLDataType.BIGINT);
    static final Field<Long> SUMMARY_ROWS = field(name("row_count"), SQLDataType.BIGINT);

    /** The same hours summed by worksite, month, person and kind: the hub's monthly statement of one worksite. */
    static final Table<Record> BY_PERSON = table(name("hub_hours_person_month"));
    static final Field<String> BY_PERSON_PARTICIPANT = field(name("participant_id"), SQLDataType.VARCHAR(64));

    /** SQLite: one row's contribution, from the JSON of {@code NEW} or {@code OLD}. */
    private static String sqliteDay(String row) {
        return "json_extract(" + row + ".data, '$.work_day')";
    }

    private static String sqliteKind(String row) {
        return "json_extract(" + row + ".data, '$.kind')";
    }

    private static String sqlitePerson(String row) {
        return "json_extract(" + row + ".data, '$.participant_id')";
    }

    /** Adds the row to the summary by month ({@code byPerson} false) or by person. */
    private static String sqliteAdd(String row, boolean byPerson) {
        String table = byPerson ? "hub_hours_person_month" : "hub_hours_month";
        String key = byPerson ? "worksite_id, month, participant_id, kind" : "worksite_id, month, kind";
        return "INSERT INTO " + table + " (" + key + ", minutes, row_count) SELECT " + row
                + ".worksite_id, substr(" + sqliteDay(row) + ", 1, 7), " + (byPerson ? sqlitePerson(row) + ", " : "")
                + sqliteKind(row) + ", coalesce(json_extract(" + row + ".data, '$.minutes'), 0), 1 WHERE " + row
                + ".deleted_at IS NULL AND " + sqliteDay(row) + " IS NOT NULL AND " + sqliteKind(row) + " IS NOT NULL"
                + (byPerson ? " AND " + sqlitePerson(row) + " IS NOT NULL" : "") + " ON CONFLICT (" + key + ") "
                + "DO UPDATE SET minutes = minutes + excluded.minutes, row_count = row_count + 1;";
    }

    /** Takes the row out of the sums of its old key (its old worksite, day, kind or person). */
    private static String sqliteSubtract(String row, boolean byPerson) {
        String table = byPerson ? "hub_hours_person_month" : "hub_hours_month";
        String key = " WHERE " + row + ".deleted_at IS NULL AND worksite_id = " + row + ".worksite_id AND month = "
                + "substr(" + sqliteDay(row) + ", 1, 7) AND kind = " + sqliteKind(row)
                + (byPerson ? " AND participant_id = " + sqlitePerson(row) : "");
        return "UPDATE " + table + " SET minutes = minutes - coalesce(json_extract(" + row
                + ".data, '$.minutes'), 0), row_count = row_count - 1" + key + ";"
                + "DELETE FROM " + table + key + " AND row_count = 0;";
    }

    private static String sqliteAdd(String row) {
        return sqliteAdd(row, false) + sqliteAdd(row, true);
    }

    private static String sqliteSubtract(String row) {
        return sqliteSubtract(row, false) + sqliteSubtract(row, true);
    }

    private static final String HOURS = "'hours_entry'";

    private static final List<String> SQLITE_TRIGGERS = List.of(
            "CREATE TRIGGER IF NOT EXISTS hub_hours_month_insert AFTER INSERT ON hub_row WHEN NEW.table_name = "
                    + HOURS + " BEGIN " + sqliteAdd("NEW") + " END",
            // Rows whose data, worksite and deletion are unchanged (a meta-only write) leave the sums alone.
            "CREATE TRIGGER IF NOT EXISTS hub_hours_month_update AFTER UPDATE ON hub_row WHEN NEW.table_name = "
                    + HOURS + " AND (OLD.data IS NOT NEW.data OR OLD.worksite_id IS NOT NEW.worksite_id "
                    + "OR OLD.deleted_at IS NOT NEW.deleted_at) BEGIN " + sqliteSubtract("OLD") + sqliteAdd("NEW")
                    + " END",
            "CREATE TRIGGER IF NOT EXISTS hub_hours_month_delete AFTER DELETE ON hub_row WHEN OLD.table_name = "
                    + HOURS + " BEGIN " + sqliteSubtract("OLD") + " END");

    /** PostgreSQL: one function for the three events and both summaries, its JSON parsed once per row. */
    private static final String POSTGRES_FUNCTION = """
            CREATE OR REPLACE FUNCTION hub_hours_month_apply() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              d json;
            BEGIN
              IF TG_OP = 'UPDATE' AND OLD.data IS NOT DISTINCT FROM NEW.data
                  AND OLD.worksite_id IS NOT DISTINCT FROM NEW.worksite_id
                  AND OLD.deleted_at IS NOT DISTINCT FROM NEW.deleted_at THEN
                RETURN NULL;
              END IF;
              IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.table_name = 'hours_entry' AND OLD.deleted_at IS NULL THEN
                d := OLD.data::json;
                IF d->>'work_day' IS NOT NULL AND d->>'kind' IS NOT NULL THEN
                  UPDATE hub_hours_month SET minutes = minutes - coalesce((d->>'minutes')::bigint, 0),
                      row_count = row_count - 1
                    WHERE worksite_id = OLD.worksite_id AND month = substr(d->>'work_day', 1, 7)
                      AND kind = d->>'kind';
                  DELETE FROM hub_hours_month WHERE worksite_id = OLD.worksite_id
                      AND month = substr(d->>'work_day', 1, 7) AND kind = d->>'kind' AND row_count = 0;
                  IF d->>'participant_id' IS NOT NULL THEN
                    UPDATE hub_hours_person_month SET minutes = minutes - coalesce((d->>'minutes')::bigint, 0),
                        row_count = row_count - 1
                      WHERE worksite_id = OLD.worksite_id AND month = substr(d->>'work_day', 1, 7)
                        AND participant_id = d->>'participant_id' AND kind = d->>'kind';
                    DELETE FROM hub_hours_person_month WHERE worksite_id = OLD.worksite_id
                        AND month = substr(d->>'work_day', 1, 7) AND participant_id = d->>'participant_id'
                        AND kind = d->>'kind' AND row_count = 0;
                  END IF;
                END IF;
              END IF;
              IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.table_name = 'hours_entry' AND NEW.deleted_at IS NULL THEN
                d := NEW.data::json;
                IF d->>'work_day' IS NOT NULL AND d->>'kind' IS NOT NULL THEN
                  INSERT INTO hub_hours_month (worksite_id, month, kind, minutes, row_count)
                    VALUES (NEW.worksite_id, substr(d->>'work_day', 1, 7), d->>'kind',
                      coalesce((d->>'minutes')::bigint, 0), 1)
                    ON CONFLICT (worksite_id, month, kind) DO UPDATE
                      SET minutes = hub_hours_month.minutes + EXCLUDED.minutes,
                        row_count = hub_hours_month.row_count + 1;
                  IF d->>'participant_id' IS NOT NULL THEN
                    INSERT INTO hub_hours_person_month (worksite_id, month, participant_id, kind, minutes, row_count)
                      VALUES (NEW.worksite_id, substr(d->>'work_day', 1, 7), d->>'participant_id', d->>'kind',
                        coalesce((d->>'minutes')::bigint, 0), 1)
                      ON CONFLICT (worksite_id, month, participant_id, kind) DO UPDATE
                        SET minutes = hub_hours_person_month.minutes + EXCLUDED.minutes,
                          row_count = hub_hours_person_month.row_count + 1;
                  END IF;
                END IF;
              END IF;
              RETURN NULL;
            END
            $$""";

    /**
     * The sums recounted from the rows' JSON, by worksite, month and kind ({@code byPerson} false) or by worksite,
     * month, person and kind: what step 6 fills the summaries with, and what they must always equal.
     */
    private static String recount(SQLDialect dialect, boolean byPerson) {
        String person = byPerson ? "participant_id, " : "";
        if (dialect == SQLDialect.POSTGRES) {
            return "SELECT h.worksite_id, substr(r.work_day, 1, 7), " + (byPerson ? "r.participant_id, " : "")
                    + "r.kind, sum(coalesce(r.minutes, 0)), count(*) FROM hub_row h CROSS JOIN LATERAL "
                    + "json_to_record(h.data::json) AS r(participant_id text, work_day text, kind text, "
                    + "minutes bigint) WHERE h.table_name = 'hours_entry' AND h.deleted_at IS NULL "
                    + "AND r.work_day IS NOT NULL AND r.kind IS NOT NULL"
                    + (byPerson ? " AND r.participant_id IS NOT NULL GROUP BY 1, 2, 3, 4" : " GROUP BY 1, 2, 3");
        }
        return "SELECT worksite_id, substr(work_day, 1, 7), " + person + "kind, sum(coalesce(minutes, 0)), "
                + "count(*) FROM (SELECT worksite_id, json_extract(data, '$.participant_id') AS participant_id, "
                + "json_extract(data, '$.work_day') AS work_day, json_extract(data, '$.kind') AS kind, "
                + "json_extract(data, '$.minutes') AS minutes FROM hub_row WHERE table_name = 'hours_entry' "
                + "AND deleted_at IS NULL) WHERE work_day IS NOT NULL AND kind IS NOT NULL"
                + (byPerson ? " AND participant_id IS NOT NULL GROUP BY 1, 2, 3, 4" : " GROUP BY 1, 2, 3");
    }

    private HoursSummary() {
    }

    /** Step 6: the tables and their triggers (replayable), then the sums of the rows already there. */
    static void create(DSLContext sql, SQLDialect dialect) {
        sql.createTableIfNotExists(SUMMARY)
                .column(SUMMARY_WORKSITE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(SUMMARY_MONTH.getName(), SQLDataType.VARCHAR(7).nullable(false))
                .column(SUMMARY_KIND.getName(), SQLDataType.VARCHAR(40).nullable(false))
                .column(SUMMARY_MINUTES.getName(), SQLDataType.BIGINT.nullable(false))
                .column(SUMMARY_ROWS.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_hours_month_pk").primaryKey(SUMMARY_WORKSITE, SUMMARY_MONTH,
                        SUMMARY_KIND)).execute();
        sql.createIndexIfNotExists("hub_hours_month_month").on(SUMMARY, SUMMARY_MONTH).execute();
        // Keyed worksite then month first: a statement reads one worksite's month by its primary key.
        sql.createTableIfNotExists(BY_PERSON)
                .column(SUMMARY_WORKSITE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(SUMMARY_MONTH.getName(), SQLDataType.VARCHAR(7).nullable(false))
                .column(BY_PERSON_PARTICIPANT.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(SUMMARY_KIND.getName(), SQLDataType.VARCHAR(40).nullable(false))
                .column(SUMMARY_MINUTES.getName(), SQLDataType.BIGINT.nullable(false))
                .column(SUMMARY_ROWS.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_hours_person_month_pk").primaryKey(SUMMARY_WORKSITE, SUMMARY_MONTH,
                        BY_PERSON_PARTICIPANT, SUMMARY_KIND)).execute();
        if (dialect == SQLDialect.POSTGRES) {
            sql.execute(POSTGRES_FUNCTION);
            sql.execute("DROP TRIGGER IF EXISTS hub_hours_month_sync ON hub_row");
            sql.execute("CREATE TRIGGER hub_hours_month_sync AFTER INSERT OR UPDATE OR DELETE ON hub_row "
                    + "FOR EACH ROW EXECUTE FUNCTION hub_hours_month_apply()");
        } else {
            SQLITE_TRIGGERS.forEach(sql::execute);
        }
        sql.deleteFrom(SUMMARY).execute();
        sql.execute("INSERT INTO hub_hours_month (worksite_id, month, kind, minutes, row_count) "
                + recount(dialect, false));
        sql.deleteFrom(BY_PERSON).execute();
        sql.execute("INSERT INTO hub_hours_person_month (worksite_id, month, participant_id, kind, minutes, "
                + "row_count) " + recount(dialect, true));
    }

    /**
     * Sets the per-row upkeep of new rows aside for the current transaction, which must then only add rows and end
     * with {@link NewRows#addAndResume}: an import of millions of hours rows adds its sums once per transaction
     * instead of once per row (two thirds of the import's time on SQLite). Undone with the transaction if it fails.
     */
    static void suspendForNewRows(DSLContext sql, SQLDialect dialect) {
        if (dialect == SQLDialect.POSTGRES) {
            // One trigger for the three events: the transaction is refused any update (JooqHubStore.Tx.flush).
            sql.execute("ALTER TABLE hub_row DISABLE TRIGGER hub_hours_month_sync");
        } else {
            sql.execute("DROP TRIGGER hub_hours_month_insert");
        }
    }

    /**
     * The sums of a transaction's new rows, added up as the insert trigger adds them (an hours row not deleted,
     * with a day and a kind; by person when its JSON names one), then written with one upsert per key. Computed
     * from the rows in memory rather than read back: a read back by key is planned by statistics that lag behind
     * an import into a new PostgreSQL hub, which then read every hours row at each transaction.
     * {@link #differences} compares the result with the rows recounted (HoursSummaryTest).
     */
    static final class NewRows {
        private final Map<List<String>, long[]> byMonth = new java.util.HashMap<>();
        private final Map<List<String>, long[]> byPerson = new java.util.HashMap<>();

        void add(String table, String worksiteId, Map<String, Object> data, Long deletedAt) {
            if (!"hours_entry".equals(table) || deletedAt != null || data.get("work_day") == null
                    || data.get("kind") == null) {
                return;
            }
            String day = data.get("work_day").toString();
            String month = day.substring(0, Math.min(7, day.length()));
            String kind = data.get("kind").toString();
            Object value = data.get("minutes");
            long minutes = value instanceof Number n ? n.longValue()
                    : value == null ? 0 : Long.parseLong(value.toString());
            add(byMonth, List.of(worksiteId, month, kind), minutes);
            Object person = data.get("participant_id");
            if (person != null) {
                add(byPerson, List.of(worksiteId, month, person.toString(), kind), minutes);
            }
        }

        private static void add(Map<List<String>, long[]> sums, List<String> key, long minutes) {
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += minutes;
            sum[1]++;
        }

        /** Adds the sums to the summaries and puts the trigger back, in the transaction of the rows. */
        void addAndResume(DSLContext sql, SQLDialect dialect) {
            upsert(sql, "hub_hours_month", "worksite_id, month, kind", byMonth);
            upsert(sql, "hub_hours_person_month", "worksite_id, month, participant_id, kind", byPerson);
            if (dialect == SQLDialect.POSTGRES) {
                sql.execute("ALTER TABLE hub_row ENABLE TRIGGER hub_hours_month_sync");
            } else {
                sql.execute(SQLITE_TRIGGERS.get(0));
            }
        }

        private static void upsert(DSLContext sql, String table, String key, Map<List<String>, long[]> sums) {
            if (sums.isEmpty()) {
                return;
            }
            int keys = key.split(",").length;
            var batch = sql.batch(sql.query("INSERT INTO " + table + " (" + key + ", minutes, row_count) VALUES ("
                    + "?, ".repeat(keys) + "?, ?) ON CONFLICT (" + key + ") DO UPDATE SET minutes = " + table
                    + ".minutes + excluded.minutes, row_count = " + table + ".row_count + excluded.row_count",
                    new Object[keys + 2]));
            sums.forEach((k, sum) -> {
                Object[] values = new Object[keys + 2];
                for (int i = 0; i < keys; i++) {
                    values[i] = k.get(i);
                }
                values[keys] = sum[0];
                values[keys + 1] = sum[1];
                batch.bind(values);
            });
            batch.execute();
        }
    }

    /** One worksite's minutes of one kind in one month. */
    record MonthKind(String worksiteId, String month, String kind, long minutes) {
    }

    /**
     * The summary's months from {@code fromMonth} to {@code toMonth} ({@code 2025-01}), both included. Read through
     * JDBC: the national yearly table reads ≈ 8,000 of them after every change, and jOOQ's records cost more than
     * the query (docs/performance.md, « Tableau annuel du hub »).
     */
    static List<MonthKind> months(DSLContext sql, String fromMonth, String toMonth) {
        return sql.connectionResult(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT worksite_id, month, kind, minutes "
                    + "FROM hub_hours_month WHERE month BETWEEN ? AND ? AND row_count > 0")) {
                query.setString(1, fromMonth);
                query.setString(2, toMonth);
                List<MonthKind> months = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        months.add(new MonthKind(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4)));
                    }
                }
                return months;
            }
        });
    }

    /** One worksite's minutes of one month by person and kind (its hours rows that name a person). */
    static List<PersonMinutes> persons(DSLContext sql, String worksiteId, String month) {
        return sql.select(BY_PERSON_PARTICIPANT, SUMMARY_KIND, SUMMARY_MINUTES).from(BY_PERSON)
                .where(SUMMARY_WORKSITE.eq(worksiteId), SUMMARY_MONTH.eq(month))
                .fetch(r -> new PersonMinutes(r.get(BY_PERSON_PARTICIPANT), HoursKind.valueOf(r.get(SUMMARY_KIND)),
                        r.get(SUMMARY_MINUTES)));
    }

    /**
     * Where the summaries differ from the rows recounted (each line « worksite month [person] kind: summary … /
     * rows … »); empty when they agree. Reads every hours row twice: seconds on a national hub.
     */
    static List<String> differences(DSLContext sql, SQLDialect dialect) {
        List<String> differences = new ArrayList<>(differences(
                sql.select(SUMMARY_WORKSITE, SUMMARY_MONTH, SUMMARY_KIND, SUMMARY_MINUTES, SUMMARY_ROWS)
                        .from(SUMMARY).fetch(), sql.resultQuery(recount(dialect, false)).fetch(), 3));
        differences.addAll(differences(sql.select(SUMMARY_WORKSITE, SUMMARY_MONTH, BY_PERSON_PARTICIPANT,
                SUMMARY_KIND, SUMMARY_MINUTES, SUMMARY_ROWS).from(BY_PERSON).fetch(),
                sql.resultQuery(recount(dialect, true)).fetch(), 4));
        return differences;
    }

    /** Rows of key columns then minutes and row count, compared by key. */
    private static List<String> differences(List<? extends Record> summary, List<? extends Record> recounted,
                                            int keyColumns) {
        Map<String, String> kept = sums(summary, keyColumns);
        Map<String, String> rows = sums(recounted, keyColumns);
        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(kept.keySet());
        keys.addAll(rows.keySet());
        for (String key : keys) {
            if (!Objects.equals(kept.get(key), rows.get(key))) {
                differences.add(key + ": summary " + kept.get(key) + " / rows " + rows.get(key));
            }
        }
        return differences;
    }

    private static Map<String, String> sums(List<? extends Record> records, int keyColumns) {
        Map<String, String> sums = new TreeMap<>();
        for (Record r : records) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < keyColumns; i++) {
                key.append(i == 0 ? "" : " ").append(r.get(i, String.class));
            }
            sums.put(key.toString(), r.get(keyColumns, Long.class) + " min, " + r.get(keyColumns + 1, Long.class)
                    + " rows");
        }
        return sums;
    }
}
