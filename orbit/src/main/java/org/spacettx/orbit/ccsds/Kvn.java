package org.spacettx.orbit.ccsds;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.orekit.files.ccsds.ndm.NdmConstituent;
import org.orekit.files.ccsds.section.Header;
import org.orekit.files.ccsds.section.Segment;
import org.orekit.files.ccsds.utils.generation.MessageWriter;
import org.orekit.files.ccsds.utils.generation.KvnGenerator;
import org.orekit.utils.Constants;

/** A CCSDS message as KVN text, by the Orekit writer for its kind. */
final class Kvn {

    private Kvn() {
    }

    static <H extends Header, S extends Segment<?, ?>, F extends NdmConstituent<H, S>> String write(MessageWriter<H, S, F> writer,
                                                                                                    F message, int paddingWidth, String name) {
        StringBuilder text = new StringBuilder();
        try (KvnGenerator generator = new KvnGenerator(text, paddingWidth, name, Constants.JULIAN_DAY, 0)) {
            writer.writeMessage(generator, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
