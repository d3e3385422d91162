package org.spacettx.app.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.spacettx.app.tls.Pem;

/**
 * Smart-card sign-in (CAC/PIV, or any client certificate a site's PKI issues): which account a client certificate
 * signs in as. The certificate must chain to one of the configured authorities, be within its validity period and not
 * be on the revocation list (re-read whenever its file changes, its signature checked against the authority that
 * issued it). It then signs in as the account mapped to its subject's distinguished name ({@code spacettx users
 * map-cert}), or else as the account whose username is its subject's common name. Anything else gets no session,
 * with the reason for the audit trail.
 */
public final class ClientCertificates {

    /** What a certificate signs in as: an account, or nothing and why. */
    public sealed interface Result {
        record Account(String username, String subject) implements Result {
        }

        record Refused(String subject, String why) implements Result {
        }
    }

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> authorities;
    private final Path crlFile;
    private X509CRL crl;
    private long crlModified = -1;

    /**
     * @throws IllegalArgumentException when the revocation list cannot be used (not issued, or not signed, by one of
     *         the authorities): the server does not start on it
     */
    public ClientCertificates(List<X509Certificate> authorities, Path crlFile) {
        this.authorities = List.copyOf(authorities);
        this.anchors = authorities.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toUnmodifiableSet());
        this.crlFile = crlFile;
        revocationList();
    }

    /**
     * The account a client certificate chain (leaf first, as the TLS layer gives it) signs in as at {@code now}.
     *
     * @param mapped        the account mapped to a subject's distinguished name (RFC 2253), if any
     * @param accountExists whether an account of that username exists (and is enabled)
     */
    public Result check(X509Certificate[] chain, Instant now, Function<String, Optional<String>> mapped, Predicate<String> accountExists) {
        if (chain == null || chain.length == 0) {
            return new Result.Refused("-", "no client certificate was presented");
        }
        X509Certificate leaf = chain[0];
        String subject = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false); // the revocation list is checked below, with a clear reason
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain)), params);
        } catch (java.security.cert.CertPathValidatorException e) {
            String why = e.getReason() == java.security.cert.CertPathValidatorException.BasicReason.EXPIRED ? "the certificate has expired"
                    : e.getReason() == java.security.cert.CertPathValidatorException.BasicReason.NOT_YET_VALID ? "the certificate is not valid yet"
                    : "the certificate does not chain to a trusted authority";
            return new Result.Refused(subject, why);
        } catch (GeneralSecurityException e) {
            return new Result.Refused(subject, "the certificate cannot be checked: " + e.getMessage());
        }
        X509CRL list;
        try {
            list = revocationList();
        } catch (IllegalArgumentException e) {
            // a list replaced by a broken one closes certificate sign-in rather than letting revoked cards in
            return new Result.Refused(subject, "the revocation list cannot be used, so no certificate signs in: " + e.getMessage());
        }
        if (list != null && list.isRevoked(leaf)) {
            return new Result.Refused(subject, "the certificate is revoked");
        }
        Optional<String> account = mapped.apply(subject);
        if (account.isPresent()) {
            return accountExists.test(account.get()) ? new Result.Account(account.get(), subject)
                    : new Result.Refused(subject, "the account " + account.get() + " it is mapped to does not exist or is disabled");
        }
        String cn = commonName(subject);
        if (cn != null && accountExists.test(cn)) {
            return new Result.Account(cn, subject);
        }
        return new Result.Refused(subject, "no account is named " + (cn == null ? "by it" : cn)
                + " or mapped to it (spacettx users map-cert USERNAME --subject DN)");
    }

    /** The revocation list as its file holds it now (re-read when the file changed), its signature checked. */
    private synchronized X509CRL revocationList() {
        if (crlFile == null) {
            return null;
        }
        long modified;
        try {
            modified = Files.getLastModifiedTime(crlFile).toMillis();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the revocation list " + crlFile + " cannot be read: " + e.getMessage());
        }
        if (modified != crlModified) {
            X509CRL read;
            try {
                read = Pem.crl(crlFile);
            } catch (org.spacettx.orbit.input.InputException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            X509Certificate issuer = authorities.stream().filter(a -> a.getSubjectX500Principal().equals(read.getIssuerX500Principal()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("the revocation list " + crlFile + " is issued by "
                            + read.getIssuerX500Principal() + ", none of the client certificate authorities"));
            try {
                read.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the revocation list " + crlFile + " is not signed by its issuer: " + e.getMessage());
            }
            crl = read;
            crlModified = modified;
        }
        return crl;
    }

    /** The common name of a distinguished name (its last CN), or null. */
    public static String commonName(String dn) {
        try {
            List<Rdn> rdns = new LdapName(dn).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return rdns.get(i).getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
