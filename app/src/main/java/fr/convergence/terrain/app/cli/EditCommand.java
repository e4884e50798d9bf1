package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.note.NoteDraft;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import fr.convergence.terrain.core.week.WeekService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code terrain edit} (hidden): the edits a person makes in the application, made from a script — for scripted
 * tests (the black-box sync scenarios of {@code .ci/sync-scenarios.sh}) and for support reproducing a case. Every
 * edit goes through the application's own services ({@link WeekService}, the participant and note services), so it
 * is checked, stamped and queued for sync exactly as the same edit typed in a window. Rows are chosen by id, or as
 * the oldest or newest hours cell of the store ({@code --oldest}, {@code --newest}), so a script never has to read
 * anyone's file; what is printed is ids and figures only.
 */
@Command(name = "edit", hidden = true, mixinStandardHelpOptions = true,
        description = "Modifie des données comme dans l’application, depuis un script (tests, support)\u00a0: "
                + "installation du poste, heures, téléphone, note.",
        subcommands = {EditCommand.Setup.class, EditCommand.Hours.class, EditCommand.Phone.class,
                EditCommand.Note.class})
final class EditCommand implements Callable<Integer> {

    /** Checked by each subcommand ({@link #store(CommandLine.Model.CommandSpec)}), so that their --help needs none. */
    @Option(names = "--store", paramLabel = "FICHIER", description = "Fichier de données du poste (obligatoire).")
    Path store;

    /** Who edits (signed in like in the application); for {@code setup}, only where the new password comes from. */
    @Mixin
    PersonOptions person;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Indiquez la modification\u00a0: setup, hours, phone ou note "
                + "(détails ci-dessous).\n");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * Runs {@code work} on the store's services as the signed-in account (before anything is read); a missing store
     * is refused (exit 2).
     */
    int withServices(CommandLine.Model.CommandSpec command, BiFunction<Services, User, Integer> work) {
        StoreFile.requireExisting(store(command), command);
        try (Services services = new Services(TerrainStore.open(store), new PasswordHasher())) {
            User acting = person.signIn(services.workstation().store(), command);
            return work.apply(services, acting);
        }
    }

    /** The --store given, or a usage error (exit 2) naming it. */
    Path store(CommandLine.Model.CommandSpec command) {
        if (store == null) {
            throw new CommandLine.ParameterException(command.commandLine(), "Option obligatoire manquante\u00a0: "
                    + "--store FICHIER (le fichier de données du poste, avant le nom de la modification).");
        }
        return store;
    }

    /** Which participant: by id, or the one of the store's oldest or newest hours cell. */
    static final class ParticipantChoice {
        @Option(names = "--participant", paramLabel = "ID", description = "Identifiant du·de la salarié·e.")
        String id;

        @Option(names = "--oldest", description = "Celui·celle de la plus ancienne cellule d’heures du fichier.")
        boolean oldest;

        @Option(names = "--newest", description = "Celui·celle de la plus récente cellule d’heures du fichier.")
        boolean newest;

        String participantId(TerrainStore store) {
            return id != null ? id : edgeCell(store, newest).participantId();
        }
    }

    static HoursEntry edgeCell(TerrainStore store, boolean newest) {
        return new HoursRepository(store).edgeCell(newest).orElseThrow(() -> new IllegalArgumentException(
                "Ce fichier de données ne contient aucune cellule d’heures."));
    }

    static int refused(CommandLine.Model.CommandSpec command, Verdict verdict) {
        command.commandLine().getErr().println("Refusé\u00a0: " + verdict.text());
        return 1;
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Installe le poste pour un chantier avec son premier compte (coordination ou "
                    + "administration), comme au premier démarrage\u00a0; son mot de passe se donne comme pour les autres "
                    + "commandes (--password-file, TERRAIN_PASSWORD ou --password-env, sinon il est demandé).")
    static final class Setup implements Callable<Integer> {
        @ParentCommand
        EditCommand parent;

        @Option(names = "--worksite", paramLabel = "CHANTIER", required = true, description = "Chantier du poste.")
        String worksite;

        @Option(names = "--login", paramLabel = "IDENTIFIANT", required = true, description = "Identifiant du compte.")
        String login;

        @Option(names = "--role", paramLabel = "RÔLE",
                required = true, description = "Rôle\u00a0: ${COMPLETION-CANDIDATES}.")
        Role role;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (Files.exists(parent.store(spec))) {
                spec.commandLine().getErr().println("Le fichier " + parent.store + " existe déjà\u00a0: l’installation "
                        + "crée un fichier neuf.");
                return 2;
            }
            // Read before the file is created, so a missing password leaves nothing behind.
            char[] password = parent.person.password(login, spec);
            String recovery;
            try (TerrainStore terrainStore = TerrainStore.open(parent.store)) {
                SetupService.Installation installed = new SetupService().installWithRecoveryKey(terrainStore,
                        new PasswordHasher(), worksite, login, login, role, password, password.clone());
                if (!installed.account().saved()) {
                    return refused(spec, installed.account().verdict());
                }
                recovery = installed.recoveryKey().map(k -> k.groups()).orElse(null);
            }
            spec.commandLine().getOut().println("Poste installé pour le chantier " + worksite + ", compte " + login
                    + " (" + role.label() + ").");
            if (recovery != null) {
                spec.commandLine().getOut().println("Clé de secours (notez-la\u00a0: elle ne sera plus affichée)\u00a0: "
                        + recovery);
            }
            return 0;
        }
    }

    @Command(name = "hours", mixinStandardHelpOptions = true,
            description = "Saisit les heures d’une cellule (salarié·e, jour, type), comme la page Semaine.")
    static final class Hours implements Callable<Integer> {
        @ParentCommand
        EditCommand parent;

        @ArgGroup(exclusive = true, multiplicity = "1")
        CellChoice cell;

        /** A cell by its key, or the store's oldest or newest cell. */
        static final class CellChoice {
            @ArgGroup(exclusive = false)
            CellKey key;

            @Option(names = "--oldest", description = "La plus ancienne cellule d’heures du fichier.")
            boolean oldest;

            @Option(names = "--newest", description = "La plus récente cellule d’heures du fichier.")
            boolean newest;
        }

        static final class CellKey {
            @Option(names = "--participant", paramLabel = "ID",
                    required = true, description = "Identifiant du·de la salarié·e.")
            String participant;

            @Option(names = "--day", paramLabel = "AAAA-MM-JJ", required = true, description = "Jour (aaaa-mm-jj).")
            LocalDate day;

            @Option(names = "--kind", paramLabel = "TYPE", defaultValue = "TRAVAIL_CHANTIER",
                    description = "Type\u00a0: ${COMPLETION-CANDIDATES}. Par défaut\u00a0: ${DEFAULT-VALUE}.")
            HoursKind kind;
        }

        @Option(names = "--minutes", paramLabel = "MINUTES",
                required = true, description = "Durée en minutes (0\u00a0: efface la cellule).")
        int minutes;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return parent.withServices(spec, (services, acting) -> {
                TerrainStore store = services.workstation().store();
                String participant;
                LocalDate day;
                HoursKind kind;
                if (cell.key != null) {
                    participant = cell.key.participant;
                    day = cell.key.day;
                    kind = cell.key.kind;
                } else {
                    HoursEntry edge = edgeCell(store, cell.newest);
                    participant = edge.participantId();
                    day = edge.day();
                    kind = edge.kind();
                }
                WeekService.CellResult result = services.week().setMinutes(acting, participant, day,
                        kind, minutes);
                if (!result.saved()) {
                    return refused(spec, result.verdict());
                }
                spec.commandLine().getOut().printf("Heures enregistrées\u00a0: participant=%s day=%s kind=%s minutes=%d "
                        + "(avant\u00a0: %d)%n", participant, day, kind, result.minutes(), result.previousMinutes());
                return 0;
            });
        }
    }

    /** An edit of one participant's file, chosen with {@link ParticipantChoice}; prints ids only. */
    abstract static class ParticipantEdit implements Callable<Integer> {
        @ParentCommand
        EditCommand parent;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ParticipantChoice who;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Makes the edit through the services; what to print when saved (ids only). */
        abstract Result<String> edit(Services services, User acting, String participantId);

        @Override
        public Integer call() {
            return parent.withServices(spec, (services, acting) -> {
                TerrainStore store = services.workstation().store();
                String id = who.participantId(store);
                Result<String> saved = edit(services, acting, id);
                if (!saved.saved()) {
                    return refused(spec, saved.verdict());
                }
                spec.commandLine().getOut().println(saved.value().orElseThrow() + " participant=" + id);
                return 0;
            });
        }
    }

    @Command(name = "phone", mixinStandardHelpOptions = true,
            description = "Change le téléphone d’un·e salarié·e, comme sa fiche.")
    static final class Phone extends ParticipantEdit {
        @Option(names = "--value", paramLabel = "NUMÉRO", required = true, description = "Nouveau numéro.")
        String value;

        @Override
        Result<String> edit(Services services, User acting, String participantId) {
            // Read as the acting account may (an ESP gets the NIR masked; sending it back keeps the stored one).
            Participant p = services.participantFiles().load(acting, participantId).participant();
            Result<Participant> saved = services.participants().update(acting, new Participant(p.id(),
                    p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), value, p.email(), p.address(),
                    p.socialSecurityNumber(), p.referentName()));
            return saved.saved() ? Result.saved("Téléphone enregistré\u00a0:", saved.verdict())
                    : Result.refused(saved.verdict());
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true,
            description = "Ajoute une note d’accompagnement (visible de l’équipe du chantier), comme la page Notes.")
    static final class Note extends ParticipantEdit {
        @Option(names = "--text", paramLabel = "TEXTE", required = true, description = "Texte de la note.")
        String text;

        @Option(names = "--theme", paramLabel = "THÈME", defaultValue = "EMPLOI",
                description = "Thème\u00a0: ${COMPLETION-CANDIDATES}. Par défaut\u00a0: ${DEFAULT-VALUE}.")
        NoteTheme theme;

        @Override
        Result<String> edit(Services services, User acting, String participantId) {
            var saved = services.notes().create(acting, new NoteDraft(participantId,
                    LocalDate.now(services.workstation().store().clock()), theme, NoteVisibility.EQUIPE_CHANTIER,
                    text));
            return saved.saved() ? Result.saved("Note enregistrée\u00a0: note=" + saved.value().orElseThrow().id(),
                    saved.verdict()) : Result.refused(saved.verdict());
        }
    }
}
