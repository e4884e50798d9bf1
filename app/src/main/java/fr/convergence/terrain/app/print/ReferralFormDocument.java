package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.Table;
import fr.convergence.terrain.core.referral.ReferralForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fiche d'orientation sent to a partner: the partner, the purpose, the documents checklist and only the
 * participant fields that partner needs (the form's data holds no others), with the partner's reply to fill in.
 */
final class ReferralFormDocument {

    private static final String CHECKED = "\u2611";
    private static final String UNCHECKED = "\u2610";

    private final PageFlow flow;
    private final ReferralForm form;

    ReferralFormDocument(PageFlow flow, ReferralForm form) {
        this.flow = flow;
        this.form = form;
    }

    void write(String footer) {
        Referral referral = form.referral();
        flow.startSection(PageFlow.PORTRAIT, PrintTexts.text("referralForm.runningHeader",
                referral.partnerDisplayName()), footer);
        float top = flow.y();
        flow.text(PrintTexts.text("referralForm.title"), flow.left(), top - 18, flow.fonts.bold, 18, PageFlow.ACCENT);
        flow.textRight(form.worksite().name(), flow.right(), top - 10, flow.fonts.bold, 9, PageFlow.INK);
        flow.textRight(form.worksite().city(), flow.right(), top - 21, flow.fonts.regular, 8.5f, PageFlow.MUTED);
        flow.moveDown(26);
        for (String line : flow.wrap(PrintTexts.text("referralForm.to", referral.partnerDisplayName()),
                flow.fonts.bold, 14, flow.width())) {
            flow.moveDown(17);
            flow.text(line, flow.left(), flow.y(), flow.fonts.bold, 14, PageFlow.INK);
        }
        flow.moveDown(4);

        flow.heading(PrintTexts.text("referralForm.referral"), 40);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {PrintTexts.text("referralForm.partner"), referral.partnerDisplayName()});
        facts.add(new String[] {PrintTexts.text("referralForm.createdOn"), PrintFormats.date(referral.createdOn())});
        facts.add(new String[] {PrintTexts.text("referralForm.from"), form.worksite().name() + " ("
                + form.worksite().city() + ")"});
        facts.add(new String[] {PrintTexts.text("referralForm.preparedBy"),
                form.preparedBy() == null ? "—" : form.preparedBy()});
        facts.add(new String[] {PrintTexts.text("referralForm.status"), referral.status().label()});
        flow.facts(facts, 96);
        flow.moveDown(4);
        flow.text(PrintTexts.text("referralForm.purpose"), flow.left(), flow.y() - 9, flow.fonts.regular, 8.5f,
                PageFlow.MUTED);
        flow.moveDown(10);
        flow.paragraph(referral.purpose(), flow.fonts.bold, 10, PageFlow.INK);

        flow.heading(PrintTexts.text("referralForm.participant"), 40);
        Table fields = new Table(flow, List.of(Table.Column.left(PrintTexts.text("referralForm.field"), 2),
                Table.Column.left(PrintTexts.text("referralForm.value"), 5)), 9, 16).begin();
        for (ReferralForm.SharedField field : form.fields()) {
            fields.row(field.field().label(), field.value() == null || field.value().isBlank()
                    ? PrintTexts.text("referralForm.notFilled") : field.value());
        }
        fields.end();
        flow.paragraph(PrintTexts.text("referralForm.minimisation"), flow.fonts.regular, 7.5f, PageFlow.MUTED);

        flow.heading(PrintTexts.text("referralForm.documents"), 30);
        if (referral.documents().isEmpty()) {
            flow.paragraph(PrintTexts.text("referralForm.noDocument"), flow.fonts.regular, 9, PageFlow.MUTED);
        }
        for (Map.Entry<String, Boolean> document : referral.documents().entrySet()) {
            flow.ensure(15);
            flow.moveDown(14);
            boolean provided = Boolean.TRUE.equals(document.getValue());
            flow.text(provided ? CHECKED : UNCHECKED, flow.left() + 2, flow.y(), flow.fonts.regular, 11, PageFlow.INK);
            flow.text(document.getKey(), flow.left() + 18, flow.y(), flow.fonts.regular, 9.5f, PageFlow.INK);
            flow.textRight(PrintTexts.text(provided ? "referralForm.provided" : "referralForm.missing"), flow.right(),
                    flow.y(), flow.fonts.regular, 8.5f, provided ? PageFlow.MUTED : PageFlow.ACCENT);
        }
        flow.moveDown(4);

        if (referral.history().size() > 1) {
            flow.heading(PrintTexts.text("referralForm.history"), 30);
            Table history = new Table(flow, List.of(Table.Column.left(PrintTexts.text("referral.date"), 1),
                    Table.Column.left(PrintTexts.text("referral.status"), 1.3f),
                    Table.Column.left(PrintTexts.text("referralForm.comment"), 4)), 8.5f, 14).begin();
            for (ReferralStatusChange change : referral.history()) {
                history.row(PrintFormats.date(change.changedOn()), change.to().label(),
                        change.comment() == null ? "" : change.comment());
            }
            history.end();
        }

        flow.heading(PrintTexts.text("referralForm.reply"), 60);
        flow.moveDown(12);
        flow.text(UNCHECKED + " " + PrintTexts.text("referralForm.accepted") + "      " + UNCHECKED + " "
                        + PrintTexts.text("referralForm.refused") + "      " + UNCHECKED + " "
                        + PrintTexts.text("referralForm.pending"), flow.left(), flow.y(), flow.fonts.regular, 9.5f,
                PageFlow.INK);
        flow.moveDown(6);

        flow.heading(PrintTexts.text("followUp.signatures"), 84);
        SignatureBlock.draw(flow, List.of(
                new SignatureBlock.Signer(PrintTexts.text("referralForm.consent"), nameField()),
                new SignatureBlock.Signer(PrintTexts.text("referralForm.adviser"),
                        form.preparedBy() == null ? "" : form.preparedBy()),
                new SignatureBlock.Signer(PrintTexts.text("referralForm.partnerSignature"),
                        referral.partnerDisplayName())), 80);
    }

    private String nameField() {
        return form.fields().stream().filter(f -> f.field() == fr.convergence.terrain.core.domain.ParticipantField.NOM)
                .map(ReferralForm.SharedField::value).filter(v -> v != null).findFirst().orElse("");
    }
}
