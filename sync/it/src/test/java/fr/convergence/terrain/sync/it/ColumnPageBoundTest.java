package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How much a column page holds: bounded by its estimated compressed size (≈ 64 KB, what a cut connection may cost),
 * not by a number of rows. Hours cells cost under a byte each, so a page of history holds more than the 20,000 rows
 * a row page may; rows full of text are cut into several pages even when the laptop asks for 16 MiB of JSON.
 */
class ColumnPageBoundTest extends ProtocolLevelTest {

    private static final int LAPTOP_PAGE_BYTES = 16 * 1024 * 1024;
    private static final int COMPRESSED_AIM = 64 * 1024;

    @Test
    void rowsFullOfTextComeInSeveralPagesOfAtMostTheCompressedAim() throws Exception {
        EnrolResponse writer = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        Random random = new Random(7);
        List<Operation> ops = new ArrayList<>();
        for (int p = 0; p < 400; p++) {
            Operation participant = RawOps.participant(p + 1, writer.deviceId(), UUID.randomUUID().toString(),
                    SyncWorld.SITE_A);
            participant.fields().put("address", prose(random, 1_000));
            ops.add(participant);
        }
        for (int from = 0; from < ops.size(); from += 100) {
            SyncResponse pushed = client.exchange(writer.token(),
                    RawOps.request(writer.deviceId(), 0, ops.subList(from, from + 100)));
            assertThat(pushed.rejections()).isEmpty();
        }
        EnrolResponse reader = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);

        List<SyncResponse> pages = pullAll(reader, ColumnCodec.COLUMNS_3);

        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(distinctRows(pages)).isEqualTo(400);
        for (SyncResponse page : pages) {
            assertThat(compressedSize(page)).isLessThanOrEqualTo(COMPRESSED_AIM);
        }
    }

    @Test
    void aPageOfTwoYearsOfHoursHoldsMoreThanARowPageWouldAndStaysUnderTheAim() throws Exception {
        LocalDate today = LocalDate.of(2026, 3, 18);
        int imported;
        String territory;
        try (TerrainStore demo = TerrainStore.open(dir.resolve("territory.db"))) {
            DemoDataGenerator.Summary summary = new DemoDataGenerator(2023, today)
                    .generate(demo, DemoSize.TERRITORY, new PasswordHasher(1000));
            territory = summary.territoryId();
            imported = StoreImporter.importStore(demo, world.hubStore).values().stream().mapToInt(Integer::intValue)
                    .sum();
        }
        EnrolResponse coordinator = world.enrolDevice(client, "territory", territory);

        List<SyncResponse> pages = pullAll(coordinator, ColumnCodec.COLUMNS_3);

        assertThat(pages.get(0).changedRows()).isGreaterThan(20_000);
        // The last page is short (the hub's PageReader.LAST_PAGE_ITEMS): a laptop applies it only once all its bytes
        // are in, where it applies every earlier page while the next one crosses.
        assertThat(pages.get(pages.size() - 1).changedRows()).isBetween(1, 8_000);
        assertThat(distinctRows(pages)).isEqualTo(imported);
        for (SyncResponse page : pages) {
            assertThat(compressedSize(page)).isLessThanOrEqualTo(COMPRESSED_AIM);
        }
    }

    private List<SyncResponse> pullAll(EnrolResponse device, String encoding) throws Exception {
        List<SyncResponse> pages = new ArrayList<>();
        long cursor = 0;
        SyncResponse page;
        do {
            page = client.exchange(device.token(), new SyncRequest(SyncCodec.PROTOCOL, device.deviceId(), null,
                    cursor, 0, List.of(), false, LAPTOP_PAGE_BYTES, null, encoding));
            pages.add(page);
            cursor = page.cursor();
        } while (page.more());
        return pages;
    }

    /** Rows received, each once (a parent changed after a page may come again with its children). */
    private static int distinctRows(List<SyncResponse> pages) {
        Set<String> rows = new HashSet<>();
        for (SyncResponse page : pages) {
            for (TableChanges group : page.allChanges(HoursCell::id)) {
                int id = group.columns().indexOf("id");
                group.rows().forEach(row -> rows.add(group.table() + "/" + row.get(id)));
            }
        }
        return rows.size();
    }

    private static int compressedSize(SyncResponse page) {
        return SyncCodec.gzip(SyncCodec.encode(page)).length;
    }

    /** Words drawn from a small French vocabulary: compresses about as notes and addresses do. */
    private static String prose(Random random, int length) {
        String[] words = ("le la les un une des de du et en au aux pour avec sans sur sous dans rendez-vous dossier "
                + "logement santé emploi formation démarche accompagnement partenaire caisse droits demande suivi "
                + "semaine chantier équipe entretien attestation courrier mairie hébergement transport permis "
                + "budget dette famille enfant école médecin traitement rue avenue place bâtiment étage porte")
                .split(" ");
        StringBuilder text = new StringBuilder(length + 20);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.toString();
    }
}
