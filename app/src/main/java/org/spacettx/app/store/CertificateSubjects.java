package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/**
 * Client certificates mapped to accounts by their subject's distinguished name, for smart cards whose common name is
 * not the username ({@code LAST.FIRST.MIDDLE.1234567890}). Names are kept in RFC 2253 form, as a certificate gives them.
 */
public final class CertificateSubjects {

    private final Database db;

    public CertificateSubjects(Database db) {
        this.db = db;
    }

    /** A distinguished name in the form certificates are compared in. */
    public static String normalise(String dn) {
        try {
            return new X500Principal(dn).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + dn + "' is not a distinguished name (e.g. CN=DOE.JOHN.Q.1234567890,OU=DoD,O=U.S. Government,C=US)");
        }
    }

    /** Maps a subject to an account (replacing an earlier mapping of the subject). */
    public void map(String subject, String username) {
        String dn = normalise(subject);
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM certificate_subjects WHERE subject_dn = ?")) {
                d.setString(1, dn);
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO certificate_subjects (subject_dn, username) VALUES (?, ?)")) {
                i.setString(1, dn);
                i.setString(2, username);
                return i.executeUpdate();
            }
        });
    }

    /** The account a subject is mapped to. */
    public Optional<String> account(String subject) {
        String dn = normalise(subject);
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username FROM certificate_subjects WHERE subject_dn = ?")) {
                s.setString(1, dn);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
