package org.spacettx.app.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.spacettx.orbit.input.InputException;

/**
 * Keys, certificates and revocation lists as a site's PKI hands them out: PEM files (a chain is its certificates one
 * after another, leaf first), keys in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form. A file that is not what it should be is
 * refused naming the file and the problem.
 */
public final class Pem {

    /** The most a PEM file may be: a chain or a bundle of CAs is a few kilobytes, a revocation list rarely a megabyte. */
    static final long MAX_BYTES = 16L << 20;

    private Pem() {
    }

    /** The certificates of a PEM (or DER) file, in the file's order. */
    public static List<X509Certificate> certificates(Path file) {
        try {
            List<X509Certificate> out = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(read(file)))
                    .stream().map(c -> (X509Certificate) c).toList();
            if (out.isEmpty()) {
                throw new InputException(null, file.toString(), "holds no certificate (PEM: -----BEGIN CERTIFICATE-----)");
            }
            return out;
        } catch (CertificateException e) {
            throw new InputException(null, file.toString(), "is not a certificate file: " + e.getMessage());
        }
    }

    /** The private key of a PEM file (not encrypted: the service's user alone may read the file). */
    public static PrivateKey privateKey(Path file) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(read(file), java.nio.charset.StandardCharsets.US_ASCII)))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo()); // PKCS#1 or SEC1 (whose public part may be absent)
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    throw new InputException(null, file.toString(), "the key is encrypted: give it unencrypted, in a file only the"
                            + " server's user may read");
                }
            }
            throw new InputException(null, file.toString(), "holds no private key (PEM: -----BEGIN PRIVATE KEY-----, RSA or EC)");
        } catch (IOException e) {
            throw new InputException(null, file.toString(), "is not a PEM key file: " + e.getMessage());
        }
    }

    /** The revocation list of a PEM or DER file. */
    public static X509CRL crl(Path file) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(read(file)));
        } catch (CertificateException | CRLException e) {
            throw new InputException(null, file.toString(), "is not a certificate revocation list: " + e.getMessage());
        }
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(null, file.toString(), "is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(null, file.toString(), "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(null, file.toString(), "permission denied: the user the server runs as ("
                    + System.getProperty("user.name") + ") cannot read it");
        } catch (IOException e) {
            throw new InputException(null, file.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
