package org.spacettx.app.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A public-key infrastructure made in a test: authorities, server and client certificates, a revocation list. */
public final class TestPki {

    /** A key and its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
        /** An SSL context that presents this certificate (a smart card) and trusts {@code server}'s authority. */
        public SSLContext client(X509Certificate trusted) throws GeneralSecurityException, IOException {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", keys.getPrivate(), "x".toCharArray(), new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "x".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), trusting(trusted).getTrustManagers(), null);
            return ctx;
        }
    }

    private TestPki() {
    }

    /** An SSL context that presents no certificate and trusts one authority (or self-signed server). */
    public static SSLContext trustingOnly(X509Certificate trusted) throws GeneralSecurityException, IOException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trusting(trusted).getTrustManagers(), null);
        return ctx;
    }

    private static TrustManagerFactory trusting(X509Certificate trusted) throws GeneralSecurityException, IOException {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        return tmf;
    }

    public static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A certificate authority (self-signed). */
    public static Issued authority(String name) throws Exception {
        KeyPair keys = keys();
        X500Name dn = new X500Name(name);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(dn, serial(), Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(3650))), dn, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        return new Issued(keys, sign(b, keys));
    }

    /** A certificate issued by {@code ca}, valid from {@code from} to {@code to}; {@code hosts}: its DNS and IP names. */
    public static Issued issue(Issued ca, String subject, Instant from, Instant to, List<String> hosts) throws Exception {
        KeyPair keys = keys();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(), Date.from(from), Date.from(to),
                new X500Name(subject), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (!hosts.isEmpty()) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts.stream()
                    .map(h -> new GeneralName(h.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, h))
                    .toArray(GeneralName[]::new)));
        }
        return new Issued(keys, sign(b, ca.keys()));
    }

    public static Issued issue(Issued ca, String subject) throws Exception {
        return issue(ca, subject, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), List.of());
    }

    /** {@code ca}'s revocation list of these certificates. */
    public static X509CRL revocations(Issued ca, X509Certificate... revoked) throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), new Date());
        b.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(7))));
        for (X509Certificate c : revoked) {
            b.addCRLEntry(c.getSerialNumber(), new Date(), CRLReason.keyCompromise);
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keys().getPrivate());
        return new JcaX509CRLConverter().getCRL(b.build(signer));
    }

    /** Writes anything PEM can hold (keys, certificates, lists) to a file, one after another. */
    public static Path pem(Path file, Object... objects) throws IOException {
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            for (Object o : objects) {
                w.writeObject(o instanceof java.security.PrivateKey key ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : o);
            }
        }
        return file;
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }
}
