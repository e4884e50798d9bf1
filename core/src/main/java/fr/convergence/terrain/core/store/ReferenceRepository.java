package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.text.NameOrder;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

import static fr.convergence.terrain.core.store.generated.Tables.TERRITORY;
import static fr.convergence.terrain.core.store.generated.Tables.WORKSITE;

/** Territories and worksites known to this store (reference data, not synced as user changes). */
public final class ReferenceRepository {

    private final TerrainStore store;

    public ReferenceRepository(TerrainStore store) {
        this.store = store;
    }

    /** Adds the shipped reference data that the store does not hold yet; safe to call at every start. */
    public void install(ReferenceData data) {
        store.write("system", tx -> {
            data.territories().forEach(t -> addTerritory(tx.sql(), t));
            data.worksites().forEach(w -> addWorksite(tx.sql(), w));
            return null;
        });
    }

    /** Adds a worksite that is not in the shipped reference data (e.g. a demo-only or newly opened one). */
    public void addWorksite(StoreTransaction tx, Worksite worksite) {
        addWorksite(tx.sql(), worksite);
    }

    /**
     * Adds or updates a worksite described by the sync hub (a name or city change included), in the caller's
     * transaction. A null field keeps the store's value; for a worksite new to the store it falls back to the id
     * (name), an empty text (city, region) or {@code true} (flags). An unknown territory is added with its id as its
     * name, so that the worksite's reference to it holds.
     */
    public void putWorksite(StoreTransaction tx, String id, String name, String city, String region,
                            String territoryId, Boolean runsPhc, Boolean runsCvg) {
        DSLContext sql = tx.sql();
        Optional<Worksite> old = sql.select().from(WORKSITE).where(WORKSITE.ID.eq(id))
                .fetchOptional(ReferenceRepository::worksite);
        Worksite w = new Worksite(id,
                name != null ? name : old.map(Worksite::name).orElse(id),
                city != null ? city : old.map(Worksite::city).orElse(""),
                region != null ? region : old.map(Worksite::region).orElse(""),
                territoryId,
                runsPhc != null ? runsPhc : old.map(Worksite::runsPhc).orElse(true),
                runsCvg != null ? runsCvg : old.map(Worksite::runsCvg).orElse(true));
        if (old.isPresent() && old.get().equals(w)) {
            return;
        }
        if (territoryId != null && !sql.fetchExists(TERRITORY, TERRITORY.ID.eq(territoryId))) {
            addTerritory(sql, new Territory(territoryId, territoryId, w.region()));
        }
        if (old.isEmpty()) {
            addWorksite(sql, w);
        } else {
            sql.update(WORKSITE).set(WORKSITE.NAME, w.name()).set(WORKSITE.CITY, w.city())
                    .set(WORKSITE.REGION, w.region()).set(WORKSITE.TERRITORY_ID, w.territoryId())
                    .set(WORKSITE.RUNS_PHC, w.runsPhc()).set(WORKSITE.RUNS_CVG, w.runsCvg())
                    .where(WORKSITE.ID.eq(id)).execute();
        }
    }

    private static void addTerritory(DSLContext sql, Territory territory) {
        sql.insertInto(TERRITORY).set(TERRITORY.ID, territory.id()).set(TERRITORY.NAME, territory.name())
                .set(TERRITORY.REGION, territory.region()).onConflictDoNothing().execute();
    }

    private static void addWorksite(DSLContext sql, Worksite w) {
        sql.insertInto(WORKSITE).set(WORKSITE.ID, w.id()).set(WORKSITE.NAME, w.name()).set(WORKSITE.CITY, w.city())
                .set(WORKSITE.REGION, w.region()).set(WORKSITE.TERRITORY_ID, w.territoryId())
                .set(WORKSITE.RUNS_PHC, w.runsPhc()).set(WORKSITE.RUNS_CVG, w.runsCvg())
                .onConflictDoNothing().execute();
    }

    public List<Territory> territories() {
        return store.read(sql -> sql.selectFrom(TERRITORY)
                .fetch(r -> new Territory(r.getId(), r.getName(), r.getRegion()))).stream()
                .sorted(NameOrder.by(Territory::name)).toList();
    }

    public List<Worksite> worksites() {
        return store.read(sql -> sql.select().from(WORKSITE).fetch(ReferenceRepository::worksite)).stream()
                .sorted(NameOrder.by(Worksite::name)).toList();
    }

    /**
     * Plain JDBC: the laptop's worksite names the sign-in screen, which must not wait for jOOQ
     * ({@link TerrainStore#readJdbc}).
     */
    public Optional<Worksite> worksite(String id) {
        return store.readJdbc(connection -> {
            try (var statement = connection.prepareStatement("SELECT id, name, city, region, territory_id, runs_phc, "
                    + "runs_cvg FROM worksite WHERE id = ?")) {
                statement.setString(1, id);
                try (var row = statement.executeQuery()) {
                    return row.next() ? Optional.of(new Worksite(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getBoolean(6), row.getBoolean(7)))
                            : Optional.empty();
                }
            }
        });
    }

    public List<Worksite> worksitesOfTerritory(String territoryId) {
        return store.read(sql -> sql.select().from(WORKSITE).where(WORKSITE.TERRITORY_ID.eq(territoryId))
                .fetch(ReferenceRepository::worksite)).stream().sorted(NameOrder.by(Worksite::name)).toList();
    }

    private static Worksite worksite(Record r) {
        return new Worksite(r.get(WORKSITE.ID), r.get(WORKSITE.NAME), r.get(WORKSITE.CITY), r.get(WORKSITE.REGION),
                r.get(WORKSITE.TERRITORY_ID), r.get(WORKSITE.RUNS_PHC), r.get(WORKSITE.RUNS_CVG));
    }
}
