package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.app.print.FollowUpSheetOptions;
import fr.convergence.terrain.app.print.PdfPrinter;
import fr.convergence.terrain.app.print.PrintTexts;
import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code terrain print}: the follow-up sheets, attendance sheets and referral forms as PDF files. */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Imprime en PDF\u00a0: fiches de suivi, feuilles d’émargement, fiches d’orientation.",
        subcommands = {PrintCommand.FollowUp.class, PrintCommand.Attendance.class, PrintCommand.ReferralCmd.class})
final class PrintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Indiquez ce qu’il faut imprimer\u00a0: follow-up, attendance ou referral "
                + "(détails ci-dessous).\n");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Options every print subcommand shares. */
    static final class Common {
        @Option(names = "--store", paramLabel = "FICHIER",
                required = true, description = "Fichier de données (existant).")
        Path store;

        @Option(names = "--out", paramLabel = "FICHIER",
                required = true, description = "Fichier PDF à écrire (remplacé s’il existe).")
        Path out;

        /** Who prints: named in the footer; their rights decide what the print-out shows (notes, the NIR). */
        @Mixin
        PersonOptions person;

        @Option(names = "--pdfa", description = "Produit un PDF/A-2b, pour l’archivage dans le dossier.")
        boolean pdfA;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        /** Opens the store, runs {@code work} as the acting user, writes its PDF and says where. */
        int run(Work work) {
            StoreFile.requireExisting(store, spec);
            long start = System.nanoTime();
            byte[] pdf;
            try (TerrainStore terrainStore = TerrainStore.open(store)) {
                AccessPolicy access = AccessPolicies.of(terrainStore);
                User acting = person.signIn(terrainStore, spec);
                PrintCatalogService catalog = new PrintCatalogService(terrainStore, access);
                PdfPrinter printer = new PdfPrinter(acting, Clock.systemDefaultZone(), pdfA, catalog.demo(),
                        catalog.journal());
                pdf = work.make(terrainStore, access, catalog, acting, printer);
            }
            try {
                PrivateFiles.write(out, pdf);
            } catch (IOException e) {
                throw new UncheckedIOException("Impossible d’écrire " + out + "\u00a0: vérifiez le dossier et les droits.",
                        e);
            }
            spec.commandLine().getOut().printf(Locale.FRANCE, "%s écrit (%d Ko) en %.2f s%n", out,
                    (pdf.length + 1023) / 1024, (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    @FunctionalInterface
    interface Work {
        byte[] make(TerrainStore store, AccessPolicy access, PrintCatalogService catalog, User user,
                    PdfPrinter printer);
    }

    @Command(name = "follow-up", mixinStandardHelpOptions = true,
            description = "Fiche de suivi d’un·e salarié·e, ou de tous les salarié·es suivi·es d’un chantier "
                    + "en un seul PDF (sans notes).")
    static final class FollowUp implements Callable<Integer> {
        @Mixin
        Common common;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--participant", paramLabel = "ID", description = "Identifiant du ou de la salarié·e.")
            String participant;

            @Option(names = "--worksite", paramLabel = "CHANTIER",
                    description = "Identifiant du chantier\u00a0: une fiche par salarié·e suivi·e "
                    + "(en parcours, ou sorti·e depuis moins de 12 mois).")
            String worksite;
        }

        @Option(names = "--include-exited", description = "Avec --worksite\u00a0: inclut aussi les salarié·es sorti·es "
                + "depuis plus de 12 mois.")
        boolean includeExited;

        @Option(names = "--note", paramLabel = "ID",
                description = "Avec --participant\u00a0: identifiant d’une note à inclure (répétable). "
                + "Une note réservée à la CIP et à la coordination n’est imprimée que si le compte peut la lire.")
        List<String> notes = List.of();

        @Override
        public Integer call() {
            return common.run((store, access, catalog, user, printer) -> {
                ParticipantFileService files = new ParticipantFileService(store, access);
                if (target.participant != null) {
                    return printer.followUpSheet(files.load(user, target.participant),
                            new FollowUpSheetOptions(java.util.Set.copyOf(notes)));
                }
                Worksite worksite = catalog.worksite(user, target.worksite).orElseThrow(() ->
                        new IllegalArgumentException("Chantier introuvable ou hors de votre périmètre\u00a0: "
                                + target.worksite));
                List<String> ids = catalog.followedParticipants(user, worksite.id(), LocalDate.now(store.clock()),
                        includeExited).stream().map(Participant::id).toList();
                return printer.followUpSheets(PrintTexts.text("batch.title", worksite.name()), ids,
                        id -> files.load(user, id), (done, total) -> true);
            });
        }
    }

    @Command(name = "attendance", mixinStandardHelpOptions = true,
            description = "Feuille d’émargement d’un chantier pour une semaine ISO (A4 paysage).")
    static final class Attendance implements Callable<Integer> {
        private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

        @Mixin
        Common common;

        @Option(names = "--worksite", paramLabel = "CHANTIER",
                required = true, description = "Identifiant du chantier.")
        String worksite;

        @Option(names = "--week", paramLabel = "AAAA-Wnn",
                required = true, description = "Semaine ISO, par exemple 2026-W12.")
        String week;

        @Option(names = "--prefilled", description = "Pré-remplit les heures déjà prévues\u00a0; sinon la feuille est vierge.")
        boolean prefilled;

        @Override
        public Integer call() {
            IsoWeek isoWeek = parseWeek(week);
            return common.run((store, access, catalog, user, printer) -> printer.attendanceSheet(
                    new AttendanceSheetService(store, access).load(user, worksite, isoWeek), prefilled));
        }

        static IsoWeek parseWeek(String text) {
            Matcher m = WEEK.matcher(text.strip().toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("Semaine «\u00a0" + text + "\u00a0» non reconnue\u00a0: écrivez-la comme 2026-W12.");
            }
            try {
                LocalDate monday = LocalDate.parse(m.group(1) + "-W" + String.format("%02d", Integer.parseInt(
                        m.group(2))) + "-1", java.time.format.DateTimeFormatter.ISO_WEEK_DATE);
                return new IsoWeek(monday);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("La semaine " + text + " n’existe pas\u00a0: l’année " + m.group(1)
                        + " n’a pas de semaine " + m.group(2) + ".");
            }
        }
    }

    @Command(name = "referral", mixinStandardHelpOptions = true,
            description = "Fiche d’orientation vers un partenaire, avec les seules informations dont il a besoin.")
    static final class ReferralCmd implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--referral", paramLabel = "ID", required = true, description = "Identifiant de l’orientation.")
        String referral;

        @Override
        public Integer call() {
            return common.run((store, access, catalog, user, printer) -> printer.referralForm(
                    new ReferralFormService(store, access).load(user, referral)));
        }
    }
}
