package fr.convergence.terrain.core.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Document information for every print-out, and what PDF/A-2b adds for the copies kept in participants' files:
 * XMP metadata that repeats the information dictionary, and an sRGB output intent (the JDK's own profile).
 */
public final class PdfA {

    public static final String CREATOR = "Convergence Terrain";
    public static final String PRODUCER = "Convergence Terrain (Apache PDFBox)";

    private PdfA() {
    }

    public static void describe(PDDocument document, String title, String author, Calendar created) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);
        document.getDocumentCatalog().setLanguage("fr-FR");
    }

    /** Marks {@code document} PDF/A-2b; call after {@link #describe}, whose values the XMP must repeat. */
    public static void conform(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(info.getTitle());
            if (info.getAuthor() != null) {
                dc.addCreator(info.getAuthor());
            }
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(info.getCreator());
            basic.setCreateDate(info.getCreationDate());
            basic.setModifyDate(info.getModificationDate());
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(info.getProducer());
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(bytes.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);

            PDOutputIntent intent = new PDOutputIntent(document,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            document.getDocumentCatalog().addOutputIntent(intent);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("Métadonnées PDF/A invalides", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
