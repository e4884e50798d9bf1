package fr.convergence.terrain.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.store.StoreCheck;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code terrain check}: a store's health in figures, for support — schema version, SQLite's integrity check, per
 * synced table its row count and checksum (the same as {@code terrain-hub check} gives for the laptop's scope), what
 * waits to be synced and the last sync. Prints no personal field, so its output can be sent to support as is.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Vérifie un fichier de données sans rien afficher de personnel\u00a0: version du schéma, intégrité, "
                + "nombre de lignes et empreinte de chaque table synchronisée (à comparer avec terrain-hub check), "
                + "modifications en attente, dernière synchronisation.")
final class CheckCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Option(names = "--store", paramLabel = "FICHIER", required = true, description = "Fichier de données à vérifier.")
    Path store;

    /**
     * Whose password opens an encrypted store: the checksums are computed on clear values, as on the hub, so that
     * they can be compared with terrain-hub check (ADR 0005). Nothing personal is printed.
     */
    @CommandLine.Mixin
    PersonOptions person;

    @Option(names = "--json", description = "Sortie JSON (pour un script ou pour l’envoyer au support).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        StoreFile.requireExisting(store, spec);
        OptionalInt version = TerrainStore.schemaVersionOf(store);
        StoreCheck.Report report;
        try (TerrainStore terrainStore = TerrainStore.open(store)) {
            if (terrainStore.isEncrypted()) {
                person.signIn(terrainStore, spec);
            }
            report = StoreCheck.of(terrainStore, version.getAsInt());
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("store", store.toString());
            document.put("schemaVersion", report.schemaVersion());
            document.put("integrity", report.integrity());
            document.put("scope", report.scope().orElse(null));
            document.put("lastSync", report.lastSyncMillis().map(m -> Instant.ofEpochMilli(m).toString()).orElse(null));
            document.put("pendingChanges", report.pendingChanges());
            document.put("tables", report.tables());
            out.println(SyncCodec.json().writeValueAsString(document));
        } else {
            out.println("Fichier de données\u00a0: " + store);
            out.println("Version du schéma\u00a0: " + report.schemaVersion());
            out.println("Intégrité (SQLite)\u00a0: " + report.integrity());
            out.println("Périmètre synchronisé\u00a0: " + report.scope().orElse("aucun (poste non enrôlé)"));
            out.println("Dernière synchronisation\u00a0: " + report.lastSyncMillis().map(m -> TIME.format(
                    Instant.ofEpochMilli(m).atZone(ZoneId.systemDefault()))).orElse("jamais"));
            out.println("Modifications en attente d’envoi\u00a0: " + report.pendingChanges());
            out.println("Tables synchronisées (table, lignes, empreinte SHA-256)\u00a0:");
            report.tables().stream().map(TableChecksum.Result::line).forEach(line -> out.println("  " + line));
        }
        return "ok".equals(report.integrity()) ? 0 : 1;
    }
}
