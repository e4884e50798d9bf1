package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.week.IsoWeek;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * State and actions of the Impressions page. Every read of the store and every PDF is made in a background
 * {@link Task} on the injected executor; results land in the observable properties on the FX thread.
 */
public final class PrintsViewModel {

    /** Pages rendered in the preview; a batch may have hundreds, the file keeps them all. */
    static final int PREVIEW_PAGES = 12;
    private static final float PREVIEW_DPI = 96;

    private final PrintCatalogService catalog;
    private final ParticipantFileService files;
    private final AttendanceSheetService attendance;
    private final ReferralFormService referralForms;
    private final User user;
    private final Clock clock;
    private final Executor executor;

    private final ObservableList<Worksite> worksites = FXCollections.observableArrayList();
    private final ObjectProperty<Worksite> worksite = new SimpleObjectProperty<>();
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();
    private final ObjectProperty<Participant> participant = new SimpleObjectProperty<>();
    private final ObservableList<SupportNote> notes = FXCollections.observableArrayList();
    private final Set<String> selectedNotes = new HashSet<>();
    private final ObservableList<Referral> referrals = FXCollections.observableArrayList();
    private final ObjectProperty<Referral> referral = new SimpleObjectProperty<>();
    private final ObjectProperty<IsoWeek> week;
    private final BooleanProperty prefilled = new SimpleBooleanProperty(false);
    private final BooleanProperty pdfA = new SimpleBooleanProperty(false);
    private final BooleanProperty includeExited = new SimpleBooleanProperty(false);

    private final ObservableList<Image> pages = FXCollections.observableArrayList();
    private final ObjectProperty<byte[]> document = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper documentName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasDocument = new ReadOnlyBooleanWrapper(false);
    /** True while the chosen person's notes and referrals are read: their lists say "Chargement…", not "none". */
    private final ReadOnlyBooleanWrapper detailsLoading = new ReadOnlyBooleanWrapper(false);
    private Task<?> running;

    public PrintsViewModel(PrintCatalogService catalog, ParticipantFileService files, AttendanceSheetService attendance,
                           ReferralFormService referralForms, User user, Clock clock, Executor executor) {
        this.catalog = catalog;
        this.files = files;
        this.attendance = attendance;
        this.referralForms = referralForms;
        this.user = user;
        this.clock = clock;
        this.executor = executor;
        this.week = new SimpleObjectProperty<>(IsoWeek.current(clock));
        document.addListener((o, was, now) -> hasDocument.set(now != null));
        worksite.addListener((o, was, now) -> loadParticipants(now));
        participant.addListener((o, was, now) -> loadParticipantDetails(now));
    }

    /** Reads the user's worksites; call once when the page is shown. */
    public void load() {
        background(() -> catalog.worksites(user), list -> {
            worksites.setAll(list);
            if (!list.isEmpty()) {
                worksite.set(list.get(0));
            }
        });
    }

    private void loadParticipants(Worksite site) {
        participants.clear();
        participant.set(null);
        if (site != null) {
            background(() -> catalog.participants(user, site.id()), participants::setAll);
        }
    }

    private void loadParticipantDetails(Participant p) {
        notes.clear();
        selectedNotes.clear();
        referrals.clear();
        referral.set(null);
        if (p != null) {
            detailsLoading.set(true);
            background(() -> files.load(user, p.id()), file -> {
                if (!java.util.Objects.equals(p, participant.get())) {
                    return;
                }
                detailsLoading.set(false);
                notes.setAll(file.notes());
                referrals.setAll(file.referrals());
                if (!file.referrals().isEmpty()) {
                    referral.set(file.referrals().get(0));
                }
            });
        }
    }

    public void selectNote(String noteId, boolean selected) {
        if (selected) {
            selectedNotes.add(noteId);
        } else {
            selectedNotes.remove(noteId);
        }
    }

    public void previousWeek() {
        week.set(week.get().previous());
    }

    public void nextWeek() {
        week.set(week.get().next());
    }

    /** The follow-up sheet of the chosen participant, with the ticked notes. */
    public void previewFollowUp() {
        Participant p = participant.get();
        if (p == null) {
            say(PrintTexts.text("page.chooseParticipant"));
            return;
        }
        FollowUpSheetOptions options = new FollowUpSheetOptions(Set.copyOf(selectedNotes));
        make(PrintTexts.text("page.fileFollowUp", fileSafe(p.fullName())),
                printer -> printer.followUpSheet(files.load(user, p.id()), options));
    }

    /** Every followed participant's sheet of the chosen worksite in one PDF, with progress and a stop button. */
    public void batchFollowUps() {
        Worksite site = worksite.get();
        if (site == null) {
            say(PrintTexts.text("page.chooseWorksite"));
            return;
        }
        boolean everyone = includeExited.get();
        make(PrintTexts.text("page.fileBatch", fileSafe(site.name())), null, task -> {
            List<String> ids = catalog.followedParticipants(user, site.id(), LocalDate.now(clock), everyone).stream()
                    .map(Participant::id).toList();
            return printer().followUpSheets(PrintTexts.text("batch.title", site.name()), ids,
                    id -> files.load(user, id), (done, total) -> {
                        task.report(done, total, PrintTexts.text("page.batchProgress", done, total));
                        return !task.stopped();
                    });
        });
    }

    public void previewAttendance() {
        Worksite site = worksite.get();
        if (site == null) {
            say(PrintTexts.text("page.chooseWorksite"));
            return;
        }
        IsoWeek chosen = week.get();
        boolean filled = prefilled.get();
        make(PrintTexts.text("page.fileAttendance", fileSafe(site.name()), chosen.number()),
                printer -> printer.attendanceSheet(attendance.load(user, site.id(), chosen), filled));
    }

    public void previewReferral() {
        Referral r = referral.get();
        if (r == null) {
            say(PrintTexts.text("page.chooseReferral"));
            return;
        }
        make(PrintTexts.text("page.fileReferral", fileSafe(r.partnerDisplayName())),
                printer -> printer.referralForm(referralForms.load(user, r.id())));
    }

    /** Stops a running batch after the sheet being made. */
    public void cancel() {
        if (running != null) {
            running.cancel(false);
        }
    }

    /** Writes the current PDF to {@code file} in the background. */
    public void saveTo(Path file) {
        byte[] pdf = document.get();
        if (pdf == null) {
            return;
        }
        background(() -> {
            PrivateFiles.write(file, pdf);
            return file;
        }, saved -> say(PrintTexts.text("page.saved", saved)));
    }

    /** The current PDF as a temporary file, for the system's viewer or printer dialog. */
    public void openInSystemViewer() {
        byte[] pdf = document.get();
        if (pdf == null) {
            return;
        }
        String name = documentName.get();
        background(() -> {
            Path file = Files.createTempFile(name.replace(".pdf", "") + "-", ".pdf");
            Files.write(file, pdf);
            file.toFile().deleteOnExit();
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new IllegalStateException(PrintTexts.text("page.noViewer", file));
            }
            java.awt.Desktop.getDesktop().open(file.toFile());
            return file;
        }, file -> say(PrintTexts.text("page.opened")));
    }

    /** Renders the current PDF's pages for a printer, at 150 dpi, one after the other (background thread). */
    List<Image> printablePages() {
        byte[] pdf = document.get();
        return pdf == null ? List.of() : render(pdf, Integer.MAX_VALUE, 150);
    }

    private interface Make {
        byte[] make(PdfPrinter printer);
    }

    /** What a long job sees of its task: report progress, and whether the user asked to stop. */
    interface Job {
        void report(int done, int total, String message);

        boolean stopped();
    }

    private interface LongMake {
        byte[] make(Job job);
    }

    private void make(String fileName, Make make) {
        make(fileName, make, null);
    }

    private void make(String fileName, Make make, LongMake longMake) {
        cancel();
        record Result(byte[] pdf, List<Image> preview, int pageCount) {
        }
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() {
                updateMessage(PrintTexts.text("page.making"));
                byte[] pdf = longMake != null ? longMake.make(new Job() {
                    @Override
                    public void report(int done, int total, String message) {
                        updateProgress(done, total);
                        updateMessage(message);
                    }

                    @Override
                    public boolean stopped() {
                        return isCancelled();
                    }
                }) : make.make(printer());
                updateMessage(PrintTexts.text("page.rendering"));
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    return new Result(pdf, render(pdf, PREVIEW_PAGES, PREVIEW_DPI), doc.getNumberOfPages());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        status.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        busy.set(true);
        running = task;
        task.setOnSucceeded(e -> {
            done(task);
            Result result = task.getValue();
            document.set(result.pdf());
            documentName.set(fileName);
            pages.setAll(result.preview());
            status.set(result.pageCount() > result.preview().size()
                    ? PrintTexts.text("page.readyPartial", result.pageCount(), result.preview().size(),
                    result.pdf().length / 1024)
                    : PrintTexts.text("page.ready", result.pageCount(), result.pdf().length / 1024));
        });
        task.setOnFailed(e -> {
            done(task);
            status.set(PrintTexts.text("page.failed", message(task.getException())));
        });
        task.setOnCancelled(e -> {
            done(task);
            status.set(PrintTexts.text("page.cancelled"));
        });
        executor.execute(task);
    }

    private void done(Task<?> task) {
        status.unbind();
        progress.unbind();
        progress.set(0);
        busy.set(false);
        if (running == task) {
            running = null;
        }
    }

    private PdfPrinter printer() {
        // Made on the background thread: asking the store whether it is a demo reads it.
        return new PdfPrinter(user, clock, pdfA.get(), catalog.demo(), catalog.journal());
    }

    private <T> void background(Callable<T> work, Consumer<T> then) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> then.accept(task.getValue()));
        task.setOnFailed(e -> {
            detailsLoading.set(false);
            say(PrintTexts.text("page.failed", message(task.getException())));
        });
        executor.execute(task);
    }

    /** Shows a message unless a running job's own messages are on display. */
    private void say(String message) {
        if (!status.isBound()) {
            status.set(message);
        }
    }

    private static String message(Throwable error) {
        return error == null || error.getMessage() == null ? PrintTexts.text("page.unknownError") : error.getMessage();
    }

    static List<Image> render(byte[] pdf, int maxPages, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < Math.min(maxPages, doc.getNumberOfPages()); i++) {
                images.add(toFx(renderer.renderImageWithDPI(i, dpi)));
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BufferedImage → JavaFX image without javafx-swing. */
    static Image toFx(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        WritableImage fx = new WritableImage(width, height);
        fx.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return fx;
    }

    private static String fileSafe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|]", "_");
    }

    public ObservableList<Worksite> worksites() {
        return worksites;
    }

    public ObjectProperty<Worksite> worksiteProperty() {
        return worksite;
    }

    public ObservableList<Participant> participants() {
        return participants;
    }

    public ObjectProperty<Participant> participantProperty() {
        return participant;
    }

    public ObservableList<SupportNote> notes() {
        return notes;
    }

    public ObservableList<Referral> referrals() {
        return referrals;
    }

    public ObjectProperty<Referral> referralProperty() {
        return referral;
    }

    public ObjectProperty<IsoWeek> weekProperty() {
        return week;
    }

    public BooleanProperty prefilledProperty() {
        return prefilled;
    }

    public BooleanProperty pdfAProperty() {
        return pdfA;
    }

    public BooleanProperty includeExitedProperty() {
        return includeExited;
    }

    public ObservableList<Image> pages() {
        return pages;
    }

    public ReadOnlyStringProperty documentNameProperty() {
        return documentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the chosen person's notes and referrals are read. */
    public ReadOnlyBooleanProperty detailsLoadingProperty() {
        return detailsLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasDocumentProperty() {
        return hasDocument.getReadOnlyProperty();
    }
}
