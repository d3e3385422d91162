package org.spacettx.orbit.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.data.ClasspathCrawler;
import org.orekit.data.DataContext;
import org.orekit.data.FilesListCrawler;
import org.orekit.data.LazyLoadedDataContext;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.time.TimeScale;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * The one Orekit data context SpaceTTX uses: leap seconds shipped in the jar, and optionally an Earth orientation
 * parameters (EOP) file. Nothing is read from {@code orekit.data.path} and nothing from the network.
 *
 * <p>Without EOP, ITRF ignores UT1−UTC and polar motion: positions on the ground are off by tens of metres at
 * low-Earth-orbit radius (about 40 m mean, under 100 m worst case), far below the kilometre-level error of SGP4
 * element sets themselves. An EOP file (IERS {@code finals2000A.all}, {@code finals.all}, Bulletin A/B, EOP C04 or
 * the CSSI {@code EOP-All.txt}) removes that error.
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class OrekitData {

    private static final String LEAP_SECONDS = "org/spacettx/orbit/data/tai-utc.dat";

    private static final class Standard {
        static final OrekitData INSTANCE = new OrekitData(null);
    }

    private final DataContext context;
    private final Path eopFile;
    private final TimeScale utc;
    private final Frame teme;
    private final Frame itrf;
    private final OneAxisEllipsoid earth;

    private OrekitData(Path eopFile) {
        LazyLoadedDataContext lazy = new LazyLoadedDataContext();
        lazy.getDataProvidersManager().addProvider(new ClasspathCrawler(OrekitData.class.getClassLoader(), LEAP_SECONDS));
        if (eopFile != null) {
            lazy.getDataProvidersManager().addProvider(new FilesListCrawler(new File(eopFile.toString())));
        }
        this.context = lazy;
        this.eopFile = eopFile;
        this.utc = lazy.getTimeScales().getUTC();
        Frames frames = lazy.getFrames();
        this.teme = frames.getTEME();
        // simpleEOP = true: tidal corrections to EOP are interpolated, not recomputed at every date (cm level).
        this.itrf = frames.getITRF(IERSConventions.IERS_2010, true);
        this.earth = new OneAxisEllipsoid(Constants.WGS84_EARTH_EQUATORIAL_RADIUS, Constants.WGS84_EARTH_FLATTENING, itrf);
        // the Earth as a body without JPL ephemerides: CCSDS messages centred on it are read and written
        Geocentre geocentre = new Geocentre(frames.getGCRF(), itrf);
        lazy.getCelestialBodies().addCelestialBodyLoader(org.orekit.bodies.CelestialBodyFactory.EARTH, name -> geocentre);
    }

    /** The shared context with leap seconds only (no EOP). */
    public static OrekitData standard() {
        return Standard.INSTANCE;
    }

    /** A context that also reads Earth orientation parameters from the given file. */
    public static OrekitData withEop(Path eopFile) {
        if (!Files.isRegularFile(eopFile)) {
            throw new InputException(SourceLocation.of(eopFile.toString()), "--eop", "no such EOP file");
        }
        OrekitData data = new OrekitData(eopFile.toAbsolutePath());
        SourceLocation at = SourceLocation.of(eopFile.toString());
        try {
            if (data.context.getFrames().getEOPHistory(IERSConventions.IERS_2010, true).getEntries().isEmpty()) {
                throw new InputException(at, "--eop", "no Earth orientation data found; the file must be an IERS"
                        + " EOP file under its IERS name (finals2000A.all, finals2000A.daily, eopc04_IAU2000.YY,"
                        + " eopc04*.csv, bulletina-*.txt, bulletinb-NNN.txt)");
            }
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(at, "--eop", "not a readable EOP file (" + e.getMessage() + ")", e);
        }
        return data;
    }

    public DataContext context() {
        return context;
    }

    public Optional<Path> eopFile() {
        return Optional.ofNullable(eopFile);
    }

    public TimeScale utc() {
        return utc;
    }

    /** True-equator mean-equinox frame in which SGP4 works. */
    public Frame teme() {
        return teme;
    }

    /** Earth-fixed frame (ITRF, IERS 2010 conventions). */
    public Frame itrf() {
        return itrf;
    }

    /** WGS-84 ellipsoid attached to ITRF, for geodetic latitude, longitude and altitude. */
    public OneAxisEllipsoid earth() {
        return earth;
    }
}
