package org.spacettx.orbit.propagate;

/**
 * The deep-space part of SDP4 for one object (period of 225 minutes or more), after Hoots and Roehrich's
 * Spacetrack Report #3 as revised by Vallado et al. (AIAA 2006-6753): the lunar and solar secular rates and
 * periodics, and the geopotential resonance of geosynchronous (one revolution a day) and half-day, high-eccentricity
 * orbits, integrated from epoch in 720-minute steps. {@link BatchSgp4} applies it around the SGP4 terms it shares
 * with the near-Earth model.
 *
 * <p>The resonance is integrated from epoch in the reference's steps at every call (as Orekit's Dundee-compliant
 * mode does; the reference continues from its last step, which takes the same steps); the states at whole steps
 * are kept once computed, in tables published whole, so one instance serves every thread and every call gives the
 * same result whatever came before.
 */
final class DeepSpace {

    private static final double TWO_PI = 2.0 * Math.PI;
    // Solar and lunar mean motions (rad/min), eccentricities and the coefficients of their perturbations.
    static final double ZNS = 1.19459e-5;
    static final double ZES = 0.01675;
    static final double ZNL = 1.5835218e-4;
    static final double ZEL = 0.0549;
    private static final double C1SS = 2.9864797e-6;
    private static final double C1L = 4.7968065e-7;
    /** Earth rotation rate, rad/min. */
    private static final double THDT = 4.3752691e-3;
    // Geopotential resonance: the coefficients and phases of the tesseral terms.
    private static final double ROOT22 = 1.7891679e-6;
    private static final double ROOT32 = 3.7393792e-7;
    private static final double ROOT44 = 7.3636953e-9;
    private static final double ROOT52 = 1.1428639e-7;
    private static final double ROOT54 = 2.1765803e-9;
    private static final double Q22 = 1.7891679e-6;
    private static final double Q31 = 2.1460748e-6;
    private static final double Q33 = 2.2123015e-7;
    static final double FASX2 = 0.13130908;
    static final double FASX4 = 2.8843198;
    static final double FASX6 = 0.37448087;
    static final double G22 = 5.7686396;
    static final double G32 = 0.95240898;
    static final double G44 = 1.8014998;
    static final double G52 = 1.0508330;
    static final double G54 = 4.4108898;
    private static final double STEP = 720.0;
    /** Inclinations within 3 degrees of 0 or 180 take no solar or lunar node terms (the reference's rule). */
    private static final double NEAR_EQUATORIAL = 5.2359877e-2;

    private enum Resonance { NONE, SYNCHRONOUS, HALF_DAY }

    // Periodics: the mean anomalies of the sun and moon at epoch, and each body's coefficients (e2, e3, i2, i3,
    // l2, l3, l4, gh2, gh3, gh4, h2, h3; the reference's se2.. for the sun, ee2.. for the moon).
    private final double zmos;
    private final double zmol;
    private final double[] sunPeriodics;
    private final double[] moonPeriodics;
    // Secular rates of eccentricity, inclination, mean anomaly, perigee and node.
    private final double dedt, didt, dmdt, domdt, dnodt;
    // Resonance.
    private final Resonance resonance;
    private final double gsto;
    private final double no;
    private final double argpo;
    private final double argpdot;
    private final double xlamo;
    private final double xfact;
    private final double del1, del2, del3;
    private final double d2201, d2211, d3210, d3222, d4410, d4422, d5220, d5232, d5421, d5433;
    /** Steps kept at most each way (180 years); beyond, the remaining steps are taken at every call. */
    private static final int MAX_NODES = 1 << 17;
    private volatile double[] ahead;
    private volatile double[] behind;

    /**
     * The terms of one element set: its mean elements at epoch (radians, rad/min), the recovered (un-Kozai) mean
     * motion and semi-major axis (earth radii), the secular rates SGP4 computed for it, the days from 1900 January
     * 0.5 to its epoch and the Greenwich sidereal angle then.
     */
    DeepSpace(double ecco, double inclo, double nodeo, double argpo, double mo, double noUnkozai, double ao,
              double mdot, double argpdot, double nodedot, double daysSince1900, double gsto) {
        this.gsto = gsto;
        this.no = noUnkozai;
        this.argpo = argpo;
        this.argpdot = argpdot;
        double sinim = Math.sin(inclo);
        double cosim = Math.cos(inclo);
        double emsq = ecco * ecco;
        double betasq = 1.0 - emsq;
        double rtemsq = Math.sqrt(betasq);
        double snodm = Math.sin(nodeo);
        double cnodm = Math.cos(nodeo);
        double sinomm = Math.sin(argpo);
        double cosomm = Math.cos(argpo);

        // The moon's orbit at epoch.
        double day = daysSince1900;
        double xnodce = (4.5236020 - 9.2422029e-4 * day) % TWO_PI;
        double stem = Math.sin(xnodce);
        double ctem = Math.cos(xnodce);
        double zcosil = 0.91375164 - 0.03568096 * ctem;
        double zsinil = Math.sqrt(1.0 - zcosil * zcosil);
        double zsinhl = 0.089683511 * stem / zsinil;
        double zcoshl = Math.sqrt(1.0 - zsinhl * zsinhl);
        double gam = 5.8351514 + 0.0019443680 * day;
        double zx = 0.39785416 * stem / zsinil;
        double zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
        zx = Math.atan2(zx, zy) + gam - xnodce;
        double zcosgl = Math.cos(zx);
        double zsingl = Math.sin(zx);
        zmol = (4.7199672 + 0.22997150 * day - gam) % TWO_PI;
        zmos = (6.2565837 + 0.017201977 * day) % TWO_PI;

        // Solar terms first, then lunar ones: the same expressions with each body's geometry.
        double[] sun = body(C1SS, ZNS, ZES, 0.1945905, -0.98088458, 0.91744867, 0.39785416, cnodm, snodm,
                cosim, sinim, cosomm, sinomm, ecco, emsq, betasq, rtemsq, noUnkozai);
        double[] moon = body(C1L, ZNL, ZEL, zcosgl, zsingl, zcosil, zsinil, zcoshl * cnodm + zsinhl * snodm,
                snodm * zcoshl - cnodm * zsinhl, cosim, sinim, cosomm, sinomm, ecco, emsq, betasq, rtemsq, noUnkozai);
        sunPeriodics = java.util.Arrays.copyOfRange(sun, 5, 17);
        moonPeriodics = java.util.Arrays.copyOfRange(moon, 5, 17);

        // Secular rates: sun's (index 0..4: e, i, M, ω, Ω) and moon's summed.
        boolean nearEquatorial = inclo < NEAR_EQUATORIAL || inclo > Math.PI - NEAR_EQUATORIAL;
        double shs = nearEquatorial ? 0.0 : sun[4];
        double shll = nearEquatorial ? 0.0 : moon[4];
        if (sinim != 0.0) {
            shs /= sinim;
        }
        dedt = sun[0] + moon[0];
        didt = sun[1] + moon[1];
        dmdt = sun[2] + moon[2];
        domdt = sun[3] - cosim * shs + moon[3] - (sinim != 0.0 ? cosim / sinim * shll : 0.0);
        dnodt = shs + (sinim != 0.0 ? shll / sinim : 0.0);

        // Geopotential resonance.
        double aonv = 1.0 / ao;
        double cosisq = cosim * cosim;
        double nm = noUnkozai;
        double e = ecco;
        Resonance kind = Resonance.NONE;
        double lamo = 0;
        double fact = 0;
        double dl1 = 0, dl2 = 0, dl3 = 0;
        double c2201 = 0, c2211 = 0, c3210 = 0, c3222 = 0, c4410 = 0, c4422 = 0, c5220 = 0, c5232 = 0, c5421 = 0, c5433 = 0;
        if (nm < 0.0052359877 && nm > 0.0034906585) {
            kind = Resonance.SYNCHRONOUS;
            double g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq);
            double g310 = 1.0 + 2.0 * emsq;
            double g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq);
            double f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim);
            double f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim);
            double f330 = 1.875 * (1.0 + cosim) * (1.0 + cosim) * (1.0 + cosim);
            dl1 = 3.0 * nm * nm * aonv * aonv;
            dl2 = 2.0 * dl1 * f220 * g200 * Q22;
            dl3 = 3.0 * dl1 * f330 * g300 * Q33 * aonv;
            dl1 = dl1 * f311 * g310 * Q31 * aonv;
            lamo = (mo + nodeo + argpo - gsto) % TWO_PI;
            fact = mdot + (argpdot + nodedot) - THDT + dmdt + domdt + dnodt - no;
        } else if (nm >= 8.26e-3 && nm <= 9.24e-3 && e >= 0.5) {
            kind = Resonance.HALF_DAY;
            double eoc = e * emsq;
            double g201 = -0.306 - (e - 0.64) * 0.440;
            double g211, g310, g322, g410, g422, g520, g521, g532, g533;
            if (e <= 0.65) {
                g211 = 3.616 - 13.2470 * e + 16.2900 * emsq;
                g310 = -19.302 + 117.3900 * e - 228.4190 * emsq + 156.5910 * eoc;
                g322 = -18.9068 + 109.7927 * e - 214.6334 * emsq + 146.5816 * eoc;
                g410 = -41.122 + 242.6940 * e - 471.0940 * emsq + 313.9530 * eoc;
                g422 = -146.407 + 841.8800 * e - 1629.014 * emsq + 1083.4350 * eoc;
                g520 = -532.114 + 3017.977 * e - 5740.032 * emsq + 3708.2760 * eoc;
            } else {
                g211 = -72.099 + 331.819 * e - 508.738 * emsq + 266.724 * eoc;
                g310 = -346.844 + 1582.851 * e - 2415.925 * emsq + 1246.113 * eoc;
                g322 = -342.585 + 1554.908 * e - 2366.899 * emsq + 1215.972 * eoc;
                g410 = -1052.797 + 4758.686 * e - 7193.992 * emsq + 3651.957 * eoc;
                g422 = -3581.690 + 16178.110 * e - 24462.770 * emsq + 12422.520 * eoc;
                g520 = e > 0.715 ? -5149.66 + 29936.92 * e - 54087.36 * emsq + 31324.56 * eoc
                        : 1464.74 - 4664.75 * e + 3763.64 * emsq;
            }
            if (e < 0.7) {
                g533 = -919.22770 + 4988.6100 * e - 9064.7700 * emsq + 5542.21 * eoc;
                g521 = -822.71072 + 4568.6173 * e - 8491.4146 * emsq + 5337.524 * eoc;
                g532 = -853.66600 + 4690.2500 * e - 8624.7700 * emsq + 5341.4 * eoc;
            } else {
                g533 = -37995.780 + 161616.52 * e - 229838.20 * emsq + 109377.94 * eoc;
                g521 = -51752.104 + 218913.95 * e - 309468.16 * emsq + 146349.42 * eoc;
                g532 = -40023.880 + 170470.89 * e - 242699.48 * emsq + 115605.82 * eoc;
            }
            double sini2 = sinim * sinim;
            double f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq);
            double f221 = 1.5 * sini2;
            double f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq);
            double f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq);
            double f441 = 35.0 * sini2 * f220;
            double f442 = 39.3750 * sini2 * sini2;
            double f522 = 9.84375 * sinim * (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq)
                    + 0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq));
            double f523 = sinim * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq)
                    + 6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq));
            double f542 = 29.53125 * sinim * (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq));
            double f543 = 29.53125 * sinim * (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq));
            double temp1 = 3.0 * nm * nm * aonv * aonv;
            double temp = temp1 * ROOT22;
            c2201 = temp * f220 * g201;
            c2211 = temp * f221 * g211;
            temp1 *= aonv;
            temp = temp1 * ROOT32;
            c3210 = temp * f321 * g310;
            c3222 = temp * f322 * g322;
            temp1 *= aonv;
            temp = 2.0 * temp1 * ROOT44;
            c4410 = temp * f441 * g410;
            c4422 = temp * f442 * g422;
            temp1 *= aonv;
            temp = temp1 * ROOT52;
            c5220 = temp * f522 * g520;
            c5232 = temp * f523 * g532;
            temp = 2.0 * temp1 * ROOT54;
            c5421 = temp * f542 * g521;
            c5433 = temp * f543 * g533;
            lamo = (mo + nodeo + nodeo - gsto - gsto) % TWO_PI;
            fact = mdot + dmdt + 2.0 * (nodedot + dnodt - THDT) - no;
        }
        resonance = kind;
        xlamo = lamo;
        xfact = fact;
        del1 = dl1;
        del2 = dl2;
        del3 = dl3;
        d2201 = c2201; d2211 = c2211; d3210 = c3210; d3222 = c3222; d4410 = c4410;
        d4422 = c4422; d5220 = c5220; d5232 = c5232; d5421 = c5421; d5433 = c5433;
        ahead = new double[] {xlamo, no};
        behind = ahead;
    }

    /**
     * One body's terms: {@code [0..4]} its secular rates of e, i, M and the perigee and node terms before the
     * division by sin i; {@code [5..16]} its periodic coefficients (e2, e3, i2, i3, l2, l3, l4, gh2, gh3, gh4, h2, h3).
     */
    private static double[] body(double cc, double zn, double ze, double zcosg, double zsing, double zcosi, double zsini,
                                 double zcosh, double zsinh, double cosim, double sinim, double cosomm, double sinomm,
                                 double em, double emsq, double betasq, double rtemsq, double nm) {
        double a1 = zcosg * zcosh + zsing * zcosi * zsinh;
        double a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
        double a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
        double a8 = zsing * zsini;
        double a9 = zsing * zsinh + zcosg * zcosi * zcosh;
        double a10 = zcosg * zsini;
        double a2 = cosim * a7 + sinim * a8;
        double a4 = cosim * a9 + sinim * a10;
        double a5 = -sinim * a7 + cosim * a8;
        double a6 = -sinim * a9 + cosim * a10;
        double x1 = a1 * cosomm + a2 * sinomm;
        double x2 = a3 * cosomm + a4 * sinomm;
        double x3 = -a1 * sinomm + a2 * cosomm;
        double x4 = -a3 * sinomm + a4 * cosomm;
        double x5 = a5 * sinomm;
        double x6 = a6 * sinomm;
        double x7 = a5 * cosomm;
        double x8 = a6 * cosomm;
        double z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3;
        double z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4;
        double z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4;
        double z1 = 3.0 * (a1 * a1 + a2 * a2) + z31 * emsq;
        double z2 = 6.0 * (a1 * a3 + a2 * a4) + z32 * emsq;
        double z3 = 3.0 * (a3 * a3 + a4 * a4) + z33 * emsq;
        double z11 = -6.0 * a1 * a5 + emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5);
        double z12 = -6.0 * (a1 * a6 + a3 * a5) + emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5));
        double z13 = -6.0 * a3 * a6 + emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6);
        double z21 = 6.0 * a2 * a5 + emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7);
        double z22 = 6.0 * (a4 * a5 + a2 * a6) + emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8));
        double z23 = 6.0 * a4 * a6 + emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8);
        z1 = z1 + z1 + betasq * z31;
        z2 = z2 + z2 + betasq * z32;
        z3 = z3 + z3 + betasq * z33;
        double s3 = cc / nm;
        double s2 = -0.5 * s3 / rtemsq;
        double s4 = s3 * rtemsq;
        double s1 = -15.0 * em * s4;
        double s5 = x1 * x3 + x2 * x4;
        double s6 = x2 * x3 + x1 * x4;
        double s7 = x2 * x4 - x1 * x3;
        return new double[] {
            s1 * zn * s5,
            s2 * zn * (z11 + z13),
            -zn * s3 * (z1 + z3 - 14.0 - 6.0 * emsq),
            s4 * zn * (z31 + z33 - 6.0),
            -zn * s2 * (z21 + z23),
            2.0 * s1 * s6,
            2.0 * s1 * s7,
            2.0 * s2 * z12,
            2.0 * s2 * (z13 - z11),
            -2.0 * s3 * z2,
            -2.0 * s3 * (z3 - z1),
            -2.0 * s3 * (-21.0 - 9.0 * emsq) * ze,
            2.0 * s4 * z32,
            2.0 * s4 * (z33 - z31),
            -18.0 * s4 * ze,
            -2.0 * s2 * z22,
            -2.0 * s2 * (z23 - z21),
        };
    }

    /** The sun's mean anomaly at epoch (rad), the start of its periodics' argument ({@code zmos + ZNS t}). */
    double zmos() {
        return zmos;
    }

    /** The moon's mean anomaly at epoch (rad). */
    double zmol() {
        return zmol;
    }

    /** Coefficient {@code k} (0 to 11: e2, e3, i2, i3, l2, l3, l4, gh2, gh3, gh4, h2, h3) of the sun's periodics. */
    double sunPeriodic(int k) {
        return sunPeriodics[k];
    }

    /** Coefficient {@code k} of the moon's periodics. */
    double moonPeriodic(int k) {
        return moonPeriodics[k];
    }

    /**
     * Secular lunar, solar and resonance effects at {@code t} minutes since epoch on the mean elements
     * {@code m = [e, i, Ω, ω, M, n]} (updated in place; n is the un-Kozai mean motion on entry), the order of
     * {@link #periodic}.
     */
    void secular(double t, double[] m) {
        secularRates(t, m);
        if (resonance == Resonance.NONE) {
            return;
        }
        double[] start = new double[4];
        resonanceStart(t, start);
        double atime = start[0];
        double xli = start[1];
        double xni = start[2];
        double[] rates = new double[2];
        rates(atime, xli, xni, rates);
        double xldot = xni + xfact;
        double ft = t - atime;
        m[4] = xli + xldot * ft + rates[0] * ft * ft * 0.5;
        m[5] = xni + rates[0] * ft + rates[1] * ft * ft * 0.5;
        m[4] = resonance == Resonance.SYNCHRONOUS ? m[4] - m[2] - m[3] + start[3] : m[4] - 2.0 * m[2] + 2.0 * start[3];
    }

    /** The lunar and solar secular rates alone, applied to {@code m = [e, i, Ω, ω, M, n]} at {@code t}. */
    void secularRates(double t, double[] m) {
        m[0] += dedt * t;
        m[1] += didt * t;
        m[2] += dnodt * t;
        m[3] += domdt * t;
        m[4] += dmdt * t;
    }

    /** 0 without resonance, 1 geosynchronous, 2 half-day (the order of {@link VectorSdp4}'s terms). */
    int resonanceKind() {
        return resonance.ordinal();
    }

    /**
     * The resonance integrator's last whole step before {@code t}: {@code out = [its time, λ, n there, the Greenwich
     * angle at t]}, from which {@link #rates} and a second-order step reach t.
     */
    void resonanceStart(double t, double[] out) {
        double theta = (gsto + t * THDT) % TWO_PI;
        boolean forward = t > 0;
        double delt = forward ? STEP : -STEP;
        // the reference's whole steps: while |t - atime| >= 720 min
        int n = (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(Math.abs(t) / STEP));
        while (Math.abs(t - n * delt) >= STEP) {
            n++;
        }
        while (n > 0 && Math.abs(t - (n - 1) * delt) < STEP) {
            n--;
        }
        double[] table = nodes(Math.min(n, MAX_NODES), forward);
        int k = Math.min(n, table.length / 2 - 1);
        out[0] = n * delt;
        out[1] = table[2 * k];
        out[2] = table[2 * k + 1];
        out[3] = theta;
        if (k < n) {
            // beyond the kept steps (180 years): the rest taken now
            double[] state = {out[1], out[2]};
            double[] rates = new double[2];
            for (; k < n; k++) {
                step(k * delt, delt, state, rates);
            }
            out[1] = state[0];
            out[2] = state[1];
        }
    }

    /**
     * The resonance's coefficients, for lanes: {@code [xfact, argpo, argpdot, del1, del2, del3, d2201, d2211, d3210,
     * d3222, d4410, d4422, d5220, d5232, d5421, d5433]}.
     */
    double[] resonanceTerms() {
        return new double[] {xfact, argpo, argpdot, del1, del2, del3, d2201, d2211, d3210, d3222, d4410, d4422, d5220,
            d5232, d5421, d5433};
    }

    /** One whole integration step from {@code atime}: {@code state = [λ, n]} updated in place. */
    private void step(double atime, double delt, double[] state, double[] rates) {
        double xli = state[0];
        double xni = state[1];
        rates(atime, xli, xni, rates);
        double xldot = xni + xfact;
        state[0] = xli + xldot * delt + rates[0] * (STEP * STEP / 2);
        state[1] = xni + rates[0] * delt + rates[1] * (STEP * STEP / 2);
    }

    /**
     * The integrator's states [λ, n] at whole steps from epoch, ahead of it or behind it, at least through step
     * {@code n}. Each object's steps are the same at every call (the reference's sequence from epoch), so they are
     * kept once computed: without them a call 30 days from epoch would redo 60 steps, 10 trigonometric pairs each
     * for a half-day orbit. The table grows by doubling under the lock and is published whole.
     */
    private double[] nodes(int n, boolean forward) {
        double[] table = forward ? ahead : behind;
        if (2 * n + 1 < table.length) {
            return table;
        }
        synchronized (this) {
            table = forward ? ahead : behind;
            int have = table.length / 2;
            if (n < have) {
                return table;
            }
            int want = Math.min(MAX_NODES + 1, Math.max(n + 1, 2 * have));
            double[] grown = java.util.Arrays.copyOf(table, 2 * want);
            double delt = forward ? STEP : -STEP;
            double[] state = {table[2 * have - 2], table[2 * have - 1]};
            double[] rates = new double[2];
            for (int k = have - 1; k < want - 1; k++) {
                step(k * delt, delt, state, rates);
                grown[2 * k + 2] = state[0];
                grown[2 * k + 3] = state[1];
            }
            if (forward) {
                ahead = grown;
            } else {
                behind = grown;
            }
            return grown;
        }
    }

    /** The resonance's rate of mean motion and its derivative times the rate of the resonant angle, at {@code atime}. */
    private void rates(double atime, double xli, double xni, double[] out) {
        double xldot = xni + xfact;
        double xndt;
        double xnddt;
        if (resonance == Resonance.SYNCHRONOUS) {
            xndt = del1 * Math.sin(xli - FASX2) + del2 * Math.sin(2.0 * (xli - FASX4)) + del3 * Math.sin(3.0 * (xli - FASX6));
            xnddt = del1 * Math.cos(xli - FASX2) + 2.0 * del2 * Math.cos(2.0 * (xli - FASX4))
                    + 3.0 * del3 * Math.cos(3.0 * (xli - FASX6));
        } else {
            double xomi = argpo + argpdot * atime;
            double x2omi = xomi + xomi;
            double x2li = xli + xli;
            xndt = d2201 * Math.sin(x2omi + xli - G22) + d2211 * Math.sin(xli - G22)
                    + d3210 * Math.sin(xomi + xli - G32) + d3222 * Math.sin(-xomi + xli - G32)
                    + d4410 * Math.sin(x2omi + x2li - G44) + d4422 * Math.sin(x2li - G44)
                    + d5220 * Math.sin(xomi + xli - G52) + d5232 * Math.sin(-xomi + xli - G52)
                    + d5421 * Math.sin(xomi + x2li - G54) + d5433 * Math.sin(-xomi + x2li - G54);
            xnddt = d2201 * Math.cos(x2omi + xli - G22) + d2211 * Math.cos(xli - G22)
                    + d3210 * Math.cos(xomi + xli - G32) + d3222 * Math.cos(-xomi + xli - G32)
                    + d5220 * Math.cos(xomi + xli - G52) + d5232 * Math.cos(-xomi + xli - G52)
                    + 2.0 * (d4410 * Math.cos(x2omi + x2li - G44) + d4422 * Math.cos(x2li - G44)
                    + d5421 * Math.cos(xomi + x2li - G54) + d5433 * Math.cos(-xomi + x2li - G54));
        }
        out[0] = xndt;
        out[1] = xnddt * xldot;
    }

    /** One body's periodics at its mean anomaly {@code zm}, added to {@code sums} (e, i, l, gh, h). */
    private static void periodics(double[] c, double zm, double ze, double[] sums) {
        double zf = zm + 2.0 * ze * Math.sin(zm);
        double sinzf = Math.sin(zf);
        double f2 = 0.5 * sinzf * sinzf - 0.25;
        double f3 = -0.5 * sinzf * Math.cos(zf);
        sums[0] += c[0] * f2 + c[1] * f3;
        sums[1] += c[2] * f2 + c[3] * f3;
        sums[2] += c[4] * f2 + c[5] * f3 + c[6] * sinzf;
        sums[3] += c[7] * f2 + c[8] * f3 + c[9] * sinzf;
        sums[4] += c[10] * f2 + c[11] * f3;
    }

    /**
     * Lunar and solar periodics at {@code t} minutes since epoch on {@code p = [e, i, Ω, ω, M]} (updated in place),
     * with Lyddane's modification below 0.2 rad of inclination. Ω is expected reduced as the reference does
     * (remainder of 2π, the sign kept).
     */
    void periodic(double t, double[] p) {
        double[] sums = new double[5];
        periodics(sunPeriodics, zmos + ZNS * t, ZES, sums);
        periodics(moonPeriodics, zmol + ZNL * t, ZEL, sums);
        double pe = sums[0];
        double pinc = sums[1];
        double pl = sums[2];
        double pgh = sums[3];
        double ph = sums[4];

        double inclp = p[1] + pinc;
        p[0] += pe;
        p[1] = inclp;
        double sinip = Math.sin(inclp);
        double cosip = Math.cos(inclp);
        if (inclp >= 0.2) {
            ph /= sinip;
            pgh -= cosip * ph;
            p[3] += pgh;
            p[2] += ph;
            p[4] += pl;
        } else {
            double nodep = p[2];
            double sinop = Math.sin(nodep);
            double cosop = Math.cos(nodep);
            double alfdp = sinip * sinop + ph * cosop + pinc * cosip * sinop;
            double betdp = sinip * cosop - ph * sinop + pinc * cosip * cosop;
            nodep = nodep % TWO_PI;
            double xls = p[4] + p[3] + cosip * nodep + pl + pgh - pinc * nodep * sinip;
            double xnoh = nodep;
            nodep = Math.atan2(alfdp, betdp);
            if (Math.abs(xnoh - nodep) > Math.PI) {
                nodep = nodep < xnoh ? nodep + TWO_PI : nodep - TWO_PI;
            }
            p[4] += pl;
            p[3] = xls - p[4] - cosip * nodep;
            p[2] = nodep;
        }
    }
}
