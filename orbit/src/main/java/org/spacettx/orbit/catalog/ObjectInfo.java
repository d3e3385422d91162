package org.spacettx.orbit.catalog;

/**
 * What a catalog says about an object besides its orbit, where the input carries it (OMM from Space-Track, or a
 * SATCAT-style table joined with {@link SatcatTable}). Empty strings mean "not known".
 *
 * @param objectType PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN… as the source spells it, upper case
 * @param country    owner or operator country/organisation code as the source spells it
 */
public record ObjectInfo(String objectType, String country) implements java.io.Serializable {

    public static final ObjectInfo UNKNOWN = new ObjectInfo("", "");

    public ObjectInfo {
        objectType = objectType == null ? "" : objectType.trim().toUpperCase(java.util.Locale.ROOT);
        country = country == null ? "" : country.trim();
    }

    /** This information, with blanks filled from {@code other}. */
    public ObjectInfo orElse(ObjectInfo other) {
        return new ObjectInfo(objectType.isEmpty() ? other.objectType : objectType,
                country.isEmpty() ? other.country : country);
    }
}
