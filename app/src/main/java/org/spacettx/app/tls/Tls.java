package org.spacettx.app.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.spacettx.app.auth.ClientCertificates;
import org.spacettx.orbit.input.InputException;

/**
 * HTTPS for the server, from the PEM files a site's PKI issues: the server's certificate (its chain after it) and key,
 * and, for smart-card sign-in, the bundle of certificate authorities whose client certificates are asked for and the
 * revocation list they are checked against ({@link ClientCertificates}). Only TLS 1.2 and 1.3; a browser is told to
 * come back over HTTPS only ({@code Strict-Transport-Security}, a year).
 *
 * @param certificate the server's certificate, its chain after it
 * @param key         its private key
 * @param clientCa    the certificate authorities of client certificates, or null (no smart-card sign-in)
 * @param crl         their revocation list, or null
 */
public record Tls(Path certificate, Path key, Path clientCa, Path crl) {

    /** The protocols served: TLS 1.3 and 1.2, nothing older. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** How long a browser keeps to HTTPS after one visit. */
    static final Duration STRICT_TRANSPORT = Duration.ofDays(365);

    /** The files are read now, so that a wrong one stops the start with its name and the problem. */
    public Tls {
        List<X509Certificate> chain = Pem.certificates(certificate);
        PrivateKey k = Pem.privateKey(key);
        if (!chain.get(0).getPublicKey().getAlgorithm().equals(k.getAlgorithm())) {
            throw new InputException(null, key.toString(), "is a " + k.getAlgorithm() + " key; the certificate's is "
                    + chain.get(0).getPublicKey().getAlgorithm());
        }
        if (clientCa != null) {
            Pem.certificates(clientCa);
        }
        if (crl != null && clientCa == null) {
            throw new InputException(null, "--crl", "a revocation list goes with --client-ca");
        }
        if (crl != null) {
            try {
                new ClientCertificates(Pem.certificates(clientCa), crl);
            } catch (IllegalArgumentException e) {
                throw new InputException(null, crl.toString(), e.getMessage());
            }
        }
    }

    /** The server's certificate (the chain's first). */
    public X509Certificate serverCertificate() {
        return Pem.certificates(certificate).get(0);
    }

    /** The client certificates' checks, or null without {@link #clientCa}. */
    public ClientCertificates clientCertificates() {
        return clientCa == null ? null : new ClientCertificates(Pem.certificates(clientCa), crl);
    }

    /**
     * The one connector of a server with TLS: HTTPS on {@code host:port} and nothing else (plain HTTP there gets no
     * answer); a client certificate asked for (not required: passwords and the identity provider stay) when there are
     * client CAs, the TLS layer checking its chain to them and its validity.
     */
    public Connector connector(Server server, HttpConfiguration base, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        try {
            char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", Pem.privateKey(key), password, Pem.certificates(certificate).toArray(X509Certificate[]::new));
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(new String(password));
            ssl.setKeyManagerPassword(new String(password));
            if (clientCa != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int n = 0;
                for (X509Certificate ca : Pem.certificates(clientCa)) {
                    trust.setCertificateEntry("ca-" + n++, ca);
                }
                ssl.setTrustStore(trust);
                ssl.setWantClientAuth(true);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
        ssl.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
        HttpConfiguration https = new HttpConfiguration(base);
        // the certificate's names need not be the address people type (an exercise room's IP, a short host name)
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false, STRICT_TRANSPORT.toSeconds(), false);
        https.addCustomizer(secure);
        https.setSecureScheme("https");
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** A certificate's SHA-256 fingerprint, as browsers show it (hex pairs with colons). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The self-signed pair's files in a data directory. */
    public static final String SELF_SIGNED_CERT = "tls-cert.pem";
    public static final String SELF_SIGNED_KEY = "tls-key.pem";

    /**
     * A self-signed certificate and key for a demo over HTTPS ({@code demo --tls}), made in the data directory the
     * first time (kept afterwards, so that browsers that accepted it keep trusting it): EC P-256, a year, for
     * {@code localhost}, this machine's name and the loopback addresses. Answers whether it was made now.
     */
    public static boolean selfSigned(Path dataDirectory) {
        Path cert = dataDirectory.resolve(SELF_SIGNED_CERT);
        Path key = dataDirectory.resolve(SELF_SIGNED_KEY);
        if (Files.exists(cert) && Files.exists(key)) {
            return false;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            String host = InetAddress.getLocalHost().getHostName();
            List<GeneralName> names = new ArrayList<>();
            for (String dns : Set.of("localhost", host)) {
                names.add(new GeneralName(GeneralName.dNSName, dns));
            }
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            names.add(new GeneralName(GeneralName.iPAddress, "::1"));
            Instant now = Instant.now();
            X500Name subject = new X500Name("O=SpaceTTX demo (self-signed),CN=SpaceTTX demo on " + host.replaceAll("[,+=\"\\\\<>;]", "-"));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            Files.createDirectories(dataDirectory);
            write(key, pair.getPrivate(), true);
            write(cert, certificate, false);
            return true;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Object pem, boolean secret) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial);
        if (secret) {
            try {
                Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions protect it
            }
        }
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(partial))) {
            // a key as PKCS#8 ("PRIVATE KEY"), which names its curve: every TLS tool reads it
            w.writeObject(pem instanceof PrivateKey key ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : pem);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
