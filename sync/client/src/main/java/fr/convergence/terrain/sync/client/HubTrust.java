package fr.convergence.terrain.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust for a hub whose certificate is not signed by a public authority (self-signed, or an internal CA):
 * the laptop trusts exactly the certificates of a PEM or DER file, and nothing else. Host names are still
 * checked against the certificate's subject alternative names by the JDK's HTTP client.
 */
public final class HubTrust {

    private HubTrust() {
    }

    /** An SSL context that trusts only the certificates in {@code certificateFile} (PEM or DER, one or more). */
    public static SSLContext trusting(Path certificateFile) throws IOException {
        try (InputStream in = Files.newInputStream(certificateFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException("Aucun certificat dans " + certificateFile);
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("hub-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Certificat du hub illisible (" + certificateFile + ")\u00a0: " + e.getMessage(), e);
        }
    }
}
