package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher.PasswordHash;
import fr.convergence.terrain.core.store.generated.tables.records.AppUserRecord;
import fr.convergence.terrain.core.text.NameOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

import static fr.convergence.terrain.core.store.generated.Tables.APP_USER;
import static fr.convergence.terrain.core.store.generated.Tables.USER_WORKSITE;

/** Local users of this laptop (not synced: each laptop has its own accounts). */
public final class UserRepository {

    private final TerrainStore store;

    public UserRepository(TerrainStore store) {
        this.store = store;
    }

    public void create(StoreTransaction tx, User user, PasswordHash password) {
        DSLContext sql = tx.sql();
        sql.insertInto(APP_USER).set(APP_USER.ID, user.id()).set(APP_USER.LOGIN, user.login())
                .set(APP_USER.DISPLAY_NAME, user.displayName()).set(APP_USER.ROLE, user.role().name())
                .set(APP_USER.TERRITORY_ID, user.territoryId()).set(APP_USER.PASSWORD_HASH, password.hash())
                .set(APP_USER.PASSWORD_SALT, password.salt()).set(APP_USER.PASSWORD_ITERATIONS, password.iterations())
                .set(APP_USER.ACTIVE, user.active()).set(APP_USER.CREATED_AT, tx.clock().millis()).execute();
        for (String worksiteId : user.worksiteIds()) {
            sql.insertInto(USER_WORKSITE).set(USER_WORKSITE.USER_ID, user.id())
                    .set(USER_WORKSITE.WORKSITE_ID, worksiteId).execute();
        }
    }

    public void changePassword(StoreTransaction tx, String userId, PasswordHash password) {
        tx.sql().update(APP_USER).set(APP_USER.PASSWORD_HASH, password.hash())
                .set(APP_USER.PASSWORD_SALT, password.salt()).set(APP_USER.PASSWORD_ITERATIONS, password.iterations())
                .where(APP_USER.ID.eq(userId)).execute();
    }

    /** Deactivated accounts keep their row: notes and history reference their id. */
    public void setActive(StoreTransaction tx, String userId, boolean active) {
        tx.sql().update(APP_USER).set(APP_USER.ACTIVE, active).where(APP_USER.ID.eq(userId)).execute();
    }

    /** A new role, territory and worksites for an account; its password and data key wrap stay. */
    public void changeAccess(StoreTransaction tx, String userId, Role role, String territoryId,
                             Set<String> worksiteIds) {
        DSLContext sql = tx.sql();
        sql.update(APP_USER).set(APP_USER.ROLE, role.name()).set(APP_USER.TERRITORY_ID, territoryId)
                .where(APP_USER.ID.eq(userId)).execute();
        sql.deleteFrom(USER_WORKSITE).where(USER_WORKSITE.USER_ID.eq(userId)).execute();
        for (String worksiteId : worksiteIds) {
            sql.insertInto(USER_WORKSITE).set(USER_WORKSITE.USER_ID, userId).set(USER_WORKSITE.WORKSITE_ID, worksiteId)
                    .execute();
        }
    }

    /**
     * Every account, active or not, by display name (French order). Plain JDBC: the sign-in screen lists them, and
     * must not wait for jOOQ's first-use initialisation ({@link TerrainStore#readJdbc}).
     */
    public List<User> all() {
        return store.readJdbc(connection -> {
            Map<String, Set<String>> worksites = new HashMap<>();
            try (var statement = connection.createStatement();
                 var row = statement.executeQuery("SELECT user_id, worksite_id FROM user_worksite")) {
                while (row.next()) {
                    worksites.computeIfAbsent(row.getString(1), id -> new HashSet<>()).add(row.getString(2));
                }
            }
            List<User> users = new ArrayList<>();
            try (var statement = connection.createStatement();
                 var row = statement.executeQuery(
                         "SELECT id, login, display_name, role, territory_id, active FROM app_user")) {
                while (row.next()) {
                    String id = row.getString(1);
                    users.add(new User(id, row.getString(2), row.getString(3), Role.valueOf(row.getString(4)),
                            row.getString(5), Set.copyOf(worksites.getOrDefault(id, Set.of())), row.getBoolean(6)));
                }
            }
            return users;
        }).stream().sorted(NameOrder.by(User::displayName)).toList();
    }

    public Optional<User> find(String userId) {
        return store.read(sql -> sql.selectFrom(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> toDomain(sql, r)));
    }

    public Optional<User> findByLogin(String login) {
        return store.read(sql -> sql.selectFrom(APP_USER).where(APP_USER.LOGIN.eq(login))
                .fetchOptional(r -> toDomain(sql, r)));
    }

    public Optional<PasswordHash> password(String userId) {
        return store.read(sql -> sql.selectFrom(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(
                r -> new PasswordHash(r.getPasswordHash(), r.getPasswordSalt(), r.getPasswordIterations())));
    }

    /** Plain JDBC, like {@link #all}: whether a store has accounts decides the first screen. */
    public int count() {
        return store.readJdbc(connection -> {
            try (var statement = connection.createStatement();
                 var row = statement.executeQuery("SELECT count(*) FROM app_user")) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static User toDomain(DSLContext sql, AppUserRecord r) {
        Set<String> worksites = new HashSet<>(sql.select(USER_WORKSITE.WORKSITE_ID).from(USER_WORKSITE)
                .where(USER_WORKSITE.USER_ID.eq(r.getId())).fetch(USER_WORKSITE.WORKSITE_ID));
        return new User(r.getId(), r.getLogin(), r.getDisplayName(), Role.valueOf(r.getRole()), r.getTerritoryId(),
                Set.copyOf(worksites), r.getActive());
    }
}
